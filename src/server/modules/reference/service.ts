import { and, asc, eq, max } from 'drizzle-orm';
import type {
  CreateReferenceBody,
  ReferenceList,
  ReferenceValue,
  UpdateReferenceBody,
} from '../../../shared/schemas/reference.js';
import { referenceValues } from '../../db/schema/index.js';
import { type ActorContext, audit, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';

type Row = typeof referenceValues.$inferSelect;

export function presentReference(row: Row, lang: 'de' | 'en'): ReferenceValue {
  return {
    id: row.id,
    code: row.code,
    label: lang === 'en' ? row.labelEn : row.labelDe,
    labelDe: row.labelDe,
    labelEn: row.labelEn,
    active: row.active,
    sortOrder: row.sortOrder,
    parentCode: row.parentCode,
    kind: row.kind,
  };
}

export async function listReference(db: Db, list: ReferenceList): Promise<Row[]> {
  return db
    .select()
    .from(referenceValues)
    .where(eq(referenceValues.list, list))
    .orderBy(asc(referenceValues.sortOrder), asc(referenceValues.code));
}

async function findValue(db: Db, list: ReferenceList, code: string) {
  const [row] = await db
    .select()
    .from(referenceValues)
    .where(and(eq(referenceValues.list, list), eq(referenceValues.code, code)));
  return row;
}

/** Subdistricts hang under a district; organisations carry a kind; other lists take neither. */
async function assertShape(db: Db, list: ReferenceList, parentCode?: string | null, kind?: string | null) {
  if (list === 'subdistricts') {
    if (parentCode === null) throw fieldError('required', 'parentCode');
    if (parentCode !== undefined && !(await findValue(db, 'districts', parentCode))) {
      throw fieldError('unknownDistrict', 'parentCode');
    }
  } else if (parentCode) {
    throw fieldError('onlyForSubdistricts', 'parentCode');
  }
  if (kind && list !== 'organisations') {
    throw fieldError('onlyForOrganisations', 'kind');
  }
}

export async function createReference(
  db: Db,
  ctx: ActorContext,
  list: ReferenceList,
  body: CreateReferenceBody,
) {
  if (list === 'subdistricts' && !body.parentCode) {
    throw fieldError('required', 'parentCode');
  }
  await assertShape(db, list, body.parentCode, body.kind);
  return writeTransaction(db, async (tx) => {
    if (await findValue(tx, list, body.code)) {
      throw fieldError('codeExists', 'code', undefined, 'CONFLICT');
    }
    const [{ top }] = await tx
      .select({ top: max(referenceValues.sortOrder) })
      .from(referenceValues)
      .where(eq(referenceValues.list, list));
    const [row] = await tx
      .insert(referenceValues)
      .values({
        list,
        code: body.code,
        labelDe: body.labelDe,
        labelEn: body.labelEn,
        parentCode: body.parentCode ?? null,
        kind: body.kind ?? (list === 'organisations' ? 'other' : null),
        sortOrder: (top ?? -1) + 1,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'reference.created',
      entityType: 'reference',
      entityId: `${list}/${body.code}`,
      fields: changedFields(body),
    });
    return row;
  });
}

export async function updateReference(
  db: Db,
  ctx: ActorContext,
  list: ReferenceList,
  code: string,
  body: UpdateReferenceBody,
) {
  await assertShape(db, list, body.parentCode, body.kind);
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .update(referenceValues)
      .set(body)
      .where(and(eq(referenceValues.list, list), eq(referenceValues.code, code)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await audit(tx, ctx, {
      action: 'reference.updated',
      entityType: 'reference',
      entityId: `${list}/${code}`,
      fields: changedFields(body),
    });
    return row;
  });
}

/** Sets the order of a whole list; `codes` must name every value of the list exactly once. */
export async function reorderReference(db: Db, ctx: ActorContext, list: ReferenceList, codes: string[]) {
  return writeTransaction(db, async (tx) => {
    const current = await listReference(tx, list);
    const known = new Set(current.map((r) => r.code));
    const given = new Set(codes);
    if (given.size !== codes.length || given.size !== known.size || codes.some((c) => !known.has(c))) {
      throw fieldError('listOrderIncomplete', 'codes');
    }
    for (const [i, c] of codes.entries()) {
      await tx
        .update(referenceValues)
        .set({ sortOrder: i })
        .where(and(eq(referenceValues.list, list), eq(referenceValues.code, c)));
    }
    await audit(tx, ctx, {
      action: 'reference.reordered',
      entityType: 'reference',
      entityId: list,
      fields: ['sortOrder'],
    });
    return listReference(tx, list);
  });
}
