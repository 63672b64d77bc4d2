CREATE TABLE "household_counts" (
	"site_id" uuid NOT NULL,
	"status" text NOT NULL,
	"category" text NOT NULL,
	"district_code" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "household_counts_site_id_status_category_district_code_pk" PRIMARY KEY("site_id","status","category","district_code")
);
--> statement-breakpoint
-- The household list's totals (table above): every write to households adds its delta in the same
-- transaction, per statement (transition tables), keys upserted in sorted order (no deadlock between two
-- writers), an update that changes none of the keys upserts nothing and locks nothing.
CREATE OR REPLACE FUNCTION household_counts_add(s uuid[], st text[], c text[], k text[], d int[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO household_counts AS t (site_id, status, category, district_code, n)
  SELECT x.site_id, x.status, x.category, x.district_code, sum(x.d)
  FROM unnest(s, st, c, k, d) AS x(site_id, status, category, district_code, d)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.d) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, status, category, district_code) DO UPDATE SET n = t.n + EXCLUDED.n;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM household_counts_add(array_agg(site_id), array_agg(status), array_agg(category),
    array_agg(coalesce(district_code, '')), array_agg(1))
  FROM new_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM household_counts_add(array_agg(site_id), array_agg(status), array_agg(category),
    array_agg(coalesce(district_code, '')), array_agg(-1))
  FROM old_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM household_counts_add(array_agg(x.site_id), array_agg(x.status), array_agg(x.category),
    array_agg(x.district_code), array_agg(x.d))
  FROM (
    SELECT site_id, status, category, coalesce(district_code, '') AS district_code, 1 AS d FROM new_rows
    UNION ALL
    SELECT site_id, status, category, coalesce(district_code, ''), -1 FROM old_rows
  ) x;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_counts_insert AFTER INSERT ON households
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_counts_on_insert();
--> statement-breakpoint
CREATE TRIGGER household_counts_delete AFTER DELETE ON households
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION household_counts_on_delete();
--> statement-breakpoint
CREATE TRIGGER household_counts_update AFTER UPDATE ON households
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_counts_on_update();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_counts_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE household_counts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_counts_truncate AFTER TRUNCATE ON households
  FOR EACH STATEMENT EXECUTE FUNCTION household_counts_on_truncate();
--> statement-breakpoint
INSERT INTO household_counts (site_id, status, category, district_code, n)
SELECT site_id, status, category, coalesce(district_code, ''), count(*)::int
FROM households GROUP BY 1, 2, 3, 4;
