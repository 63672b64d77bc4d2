import path from 'node:path';
import { z } from 'zod';
import { type Role, roles } from '../../shared/permissions.js';

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
  /** a PostgreSQL read replica for the statistics reads (only with DATABASE_URL) */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  QUARTIER_DEMO: flag.default(true),
  /** with demo on: also generate demo households and contacts on the first start */
  QUARTIER_DEMO_DATA: flag.default(true),
  QUARTIER_ADMIN_PASSWORD: z.string().min(12, 'must have at least 12 characters').optional(),
  /** secret of the board's cell-key noise (statistics/cell-key.ts reads it); default: random, in app_settings */
  QUARTIER_CELL_KEY_SECRET: z.string().min(16, 'must have at least 16 characters').optional(),
  QUARTIER_PROFILE: z.string().min(1).default('dortmund'),
  QUARTIER_SESSION_IDLE_MINUTES: positiveInt.default(30),
  QUARTIER_SESSION_MAX_HOURS: positiveInt.default(12),
  QUARTIER_LOGIN_MAX_FAILURES: positiveInt.default(5),
  QUARTIER_LOGIN_LOCK_MINUTES: positiveInt.default(15),
  QUARTIER_LOGIN_RATE_PER_MINUTE: positiveInt.default(30),
  /** default: on when QUARTIER_TRUST_PROXY is set (a proxy in front terminates HTTPS) */
  QUARTIER_COOKIE_SECURE: flag.optional(),
  /** behind a reverse proxy: 1/true trusts X-Forwarded-For, or a comma-separated list of proxy addresses */
  QUARTIER_TRUST_PROXY: z
    .string()
    .transform((v): boolean | string =>
      ['1', 'true'].includes(v) ? true : ['0', 'false'].includes(v) ? false : v,
    )
    .default(false),
  /** roles that must use a second factor (TOTP); empty or `none`: no role; ignored in demo mode */
  QUARTIER_MFA_REQUIRED_ROLES: z
    .string()
    .transform((v) =>
      v.trim() === 'none'
        ? []
        : v
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.enum(roles, { error: `roles: ${roles.join(', ')}` })))
    .optional(),
  /** years a volunteer's certificate of conduct (erweitertes Führungszeugnis) counts as valid */
  QUARTIER_CONDUCT_RECHECK_YEARS: z.coerce.number().int().min(1).max(10).default(5),
  /** days after creation in which the author of a case record may correct or delete it (the site lead always may) */
  QUARTIER_CORRECTION_DAYS: z.coerce.number().int().min(0).max(3650).default(14),
  /** offers not checked for this many months are flagged for review */
  QUARTIER_OFFER_REVIEW_MONTHS: positiveInt.max(120).default(6),
  /** hours a break-the-glass grant (emergency read access to another site's household) lasts */
  QUARTIER_EMERGENCY_ACCESS_HOURS: positiveInt.max(72).default(8),
  /** milliseconds between two folds of the statistics' deltas into the rollups (migration 0026) */
  QUARTIER_STAT_FOLD_MS: positiveInt.min(50).max(600_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = Omit<
  z.infer<typeof configSchema>,
  'QUARTIER_COOKIE_SECURE' | 'QUARTIER_MFA_REQUIRED_ROLES'
> & {
  QUARTIER_COOKIE_SECURE: boolean;
  QUARTIER_MFA_REQUIRED_ROLES: Role[];
};

/** The default roles that must use MFA (those of them this version has). */
const defaultMfaRoles = ['admin', 'central', 'dpo', 'siteLead'].filter((r): r is Role =>
  (roles as readonly string[]).includes(r),
);

/** Variables for which an empty value means something (not "unset"). */
const emptyMeansValue = new Set(['QUARTIER_MFA_REQUIRED_ROLES']);

export class ConfigError extends Error {}

/** Reads the environment; throws a ConfigError naming each wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((k) => env[k] !== undefined && (env[k] !== '' || emptyMeansValue.has(k)))
      .map((k) => [k, env[k]]),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const data = parsed.data;
  return {
    ...data,
    DATA_DIR: path.resolve(data.DATA_DIR),
    QUARTIER_COOKIE_SECURE: data.QUARTIER_COOKIE_SECURE ?? data.QUARTIER_TRUST_PROXY !== false,
    QUARTIER_MFA_REQUIRED_ROLES: data.QUARTIER_MFA_REQUIRED_ROLES ?? defaultMfaRoles,
  };
}
