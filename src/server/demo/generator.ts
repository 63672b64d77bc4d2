import type { DemoContext, GeneratorOptions } from './context.js';
import { emit } from './emit.js';
import { Rng } from './random.js';
import { settleSite } from './settle.js';
import { planSite } from './site-plan.js';
import type { DemoSink } from './writer.js';

export type { DemoContext, DemoSite, GeneratorOptions, SitePlan } from './context.js';

/** Plans and emits the whole data set. */
export async function runGenerator(ctx: DemoContext, options: GeneratorOptions, sink: DemoSink) {
  const root = new Rng(`quartier-demo:${options.seed}`);
  const plans = ctx.sites.map((site) => planSite(ctx, site, options, root));
  for (const plan of plans) settleSite(plan, ctx.sites, options, root);
  await emit(ctx, plans, options, root, sink);
  return plans;
}
