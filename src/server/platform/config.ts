import path from 'node:path';
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const positiveInt = z.coerce.number().int().positive();

/** Every environment variable Quartier reads. Documented in the README; validated at start-up. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  QUARTIER_DEMO: flag.default(true),
  /** with demo on: also generate demo households and contacts on the first start */
  QUARTIER_DEMO_DATA: flag.default(true),
  QUARTIER_ADMIN_PASSWORD: z.string().min(12, 'must have at least 12 characters').optional(),
  QUARTIER_PROFILE: z.string().min(1).default('dortmund'),
  QUARTIER_SESSION_IDLE_MINUTES: positiveInt.default(30),
  QUARTIER_SESSION_MAX_HOURS: positiveInt.default(12),
  QUARTIER_LOGIN_MAX_FAILURES: positiveInt.default(5),
  QUARTIER_LOGIN_LOCK_MINUTES: positiveInt.default(15),
  QUARTIER_LOGIN_RATE_PER_MINUTE: positiveInt.default(30),
  QUARTIER_COOKIE_SECURE: flag.default(false),
  /** years a volunteer's certificate of conduct (erweitertes Führungszeugnis) counts as valid */
  QUARTIER_CONDUCT_RECHECK_YEARS: z.coerce.number().int().min(1).max(10).default(5),
  /** offers not checked for this many months are flagged for review */
  QUARTIER_OFFER_REVIEW_MONTHS: positiveInt.max(120).default(6),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads the environment; throws a ConfigError naming each wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) };
}
