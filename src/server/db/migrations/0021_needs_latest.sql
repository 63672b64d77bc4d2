-- needs_assessments.is_latest: true exactly for the latest assessment of each household, person (NULL is a
-- group of its own) and life area, by assessed_on DESC, created_at DESC, id DESC, so that the open needs of
-- the network gaps read a small partial index instead of sorting every assessment of the districts
-- (DISTINCT ON: 922 ms at demo scale 25 on PostgreSQL, sorting on disk).
ALTER TABLE "needs_assessments" ADD COLUMN "is_latest" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE "needs_assessments" n SET "is_latest" = true FROM (
  SELECT DISTINCT ON (household_id, person_id, life_area) id FROM needs_assessments
  ORDER BY household_id, person_id, life_area, assessed_on DESC, created_at DESC, id DESC
) l WHERE n."id" = l."id";
--> statement-breakpoint
-- recomputes the flag of the given groups (household, person, life area; the arrays side by side) and
-- writes only the rows whose flag changes. No groups, no UPDATE: a statement trigger fires on an UPDATE of
-- no rows too, so an empty UPDATE here would start the update trigger again and again.
CREATE OR REPLACE FUNCTION needs_latest_refresh(hh uuid[], pp uuid[], la text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(hh), 0) = 0 THEN
    RETURN;
  END IF;
  WITH keys AS (
    SELECT DISTINCT k.household_id, k.person_id, k.life_area FROM unnest(hh, pp, la) AS k(household_id, person_id, life_area)
  ), ranked AS (
    SELECT n.id, row_number() OVER (
      PARTITION BY n.household_id, n.person_id, n.life_area
      ORDER BY n.assessed_on DESC, n.created_at DESC, n.id DESC
    ) = 1 AS latest
    FROM needs_assessments n
    WHERE n.household_id = ANY(hh) AND EXISTS (
      SELECT 1 FROM keys k WHERE k.household_id = n.household_id
        AND k.person_id IS NOT DISTINCT FROM n.person_id AND k.life_area = n.life_area
    )
  )
  UPDATE needs_assessments n SET is_latest = r.latest
  FROM ranked r WHERE n.id = r.id AND n.is_latest <> r.latest;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION needs_latest_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM needs_latest_refresh(array_agg(k.household_id), array_agg(k.person_id), array_agg(k.life_area))
    FROM (SELECT DISTINCT household_id, person_id, life_area FROM new_rows) k;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM needs_latest_refresh(array_agg(k.household_id), array_agg(k.person_id), array_agg(k.life_area))
    FROM (SELECT DISTINCT household_id, person_id, life_area FROM old_rows) k;
  ELSE
    -- only rows whose group or order columns changed (old and new keys); the refresh's own update of
    -- is_latest changes none of them and so ends here
    PERFORM needs_latest_refresh(array_agg(k.household_id), array_agg(k.person_id), array_agg(k.life_area))
    FROM (
      SELECT DISTINCT d.household_id, d.person_id, d.life_area FROM (
        (SELECT id, household_id, person_id, life_area, assessed_on, created_at FROM new_rows
         EXCEPT SELECT id, household_id, person_id, life_area, assessed_on, created_at FROM old_rows)
        UNION ALL
        (SELECT id, household_id, person_id, life_area, assessed_on, created_at FROM old_rows
         EXCEPT SELECT id, household_id, person_id, life_area, assessed_on, created_at FROM new_rows)
      ) d
    ) k;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER needs_latest_insert AFTER INSERT ON "needs_assessments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION needs_latest_changed();
--> statement-breakpoint
CREATE TRIGGER needs_latest_update AFTER UPDATE ON "needs_assessments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION needs_latest_changed();
--> statement-breakpoint
CREATE TRIGGER needs_latest_delete AFTER DELETE ON "needs_assessments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION needs_latest_changed();
--> statement-breakpoint
CREATE INDEX "needs_latest_open_idx" ON "needs_assessments" USING btree ("household_id", "life_area") WHERE "is_latest" AND "level" >= 2;
--> statement-breakpoint
-- the open households' districts, narrow and in id order: the gaps merge them with the partial index above
-- instead of hashing the whole (wide) households table
CREATE INDEX "households_open_district_idx" ON "households" USING btree ("id", "district_code") WHERE "status" NOT IN ('closed', 'movedAway');
--> statement-breakpoint
ANALYZE "needs_assessments";
--> statement-breakpoint
ANALYZE "households";
