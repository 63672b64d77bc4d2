import { z } from 'zod';
import { todayBerlin } from '../dates.js';
import { errorCodes } from '../errors.js';
import type { FieldIssueCode } from '../field-issues.js';

/** A calendar date `YYYY-MM-DD` between 1900 and 2100: anything outside is a typing error, refused by name. */
export const isoDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', { message: 'dateOutOfRange' });
export const uuid = z.uuid();

/** A date that cannot lie after today (Europe/Berlin): a contact that took place, a date of birth. */
export const pastDate = (inFuture: FieldIssueCode = 'dateInFuture') =>
  isoDate.refine((d) => d <= todayBerlin(), { message: inFuture });

/** The first day the offices registered households: earlier dates are typing errors. */
export const earliestRegistration = '2000-01-01';
/** A household's registration date: from 01.01.2000 up to today. */
export const registrationDate = isoDate
  .refine((d) => d >= earliestRegistration, { message: 'registeredTooEarly' })
  .refine((d) => d <= todayBerlin(), { message: 'registeredInFuture' });
export const code = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'codeFormat');

export const errorResponse = z.object({
  error: z.object({
    code: z.enum(errorCodes as [string, ...string[]]),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const noContent = z.null();

/** A PATCH body must change at least one field; `{}` is a 400, not a silent no-op. */
export function nonEmptyPatch<T extends z.ZodObject>(schema: T) {
  return schema.refine((o) => Object.values(o).some((v) => v !== undefined), {
    message: 'nothingToChange',
  });
}

/** Tab, line feed and carriage return are text; every other C0/C1 control character is refused. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Free text (names, titles, notes), trimmed, up to `max` characters, without control characters. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => !controlCharacters.test(s), { message: 'controlCharacters' });
}
