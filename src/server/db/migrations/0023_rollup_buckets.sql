-- Concurrent writers on one rollup cell (performance issue 11). Every contact of a site, day, category and
-- contact type added its delta to the same rollup rows (day and month, contacts and reasons), and the row
-- lock of that upsert is held until commit: 8 writers on one cell were serialised through their commits
-- (bench/writers.ts: −78 % contacts/s in SQL, −28 % through the API against the rollup triggers off).
--
-- Now each rollup row has a sub-bucket in its key. A transaction takes the lowest bucket no other
-- transaction holds (a transaction-level advisory lock (74213, bucket), tried without waiting, 0 to 15)
-- on its first rollup write and keeps it until it ends (the choice is remembered in the transaction-local
-- setting quartier.stat_bucket), so concurrent writers upsert different rows and never wait for each
-- other; one writer at a time uses bucket 0 only. With more than 16 writers at once the rest share a
-- bucket by backend pid (they wait as before; still exact). Which bucket a delta lands in never matters
-- for the figures: a counter is the sum over its buckets, every reader sums (rollups.ts, facts.ts),
-- and the key sums of migration 0017 are sums as well. A decrement may land in another bucket than the
-- record's increment, so a single bucket row can be negative; only sums are meaningful.
-- The deltas of one transaction stay in one bucket and in sorted key order, so the deadlock argument of
-- 0004 holds unchanged. stat_rebuild() (and with it the demo bulk load) writes bucket 0 only (the
-- column's default); stat_compact() folds the other buckets into bucket 0 in one statement per table.
ALTER TABLE stat_households_day ADD COLUMN bucket smallint DEFAULT 0 NOT NULL,
  DROP CONSTRAINT stat_households_day_site_id_day_category_district_code_pk,
  ADD CONSTRAINT stat_households_day_site_id_day_category_district_code_bucket_pk
    PRIMARY KEY (site_id, day, category, district_code, bucket);
--> statement-breakpoint
ALTER TABLE stat_households_month ADD COLUMN bucket smallint DEFAULT 0 NOT NULL,
  DROP CONSTRAINT stat_households_month_site_id_month_category_district_code_pk,
  ADD CONSTRAINT stat_households_month_site_id_month_category_district_code_bucket_pk
    PRIMARY KEY (site_id, month, category, district_code, bucket);
--> statement-breakpoint
ALTER TABLE stat_contacts_day ADD COLUMN bucket smallint DEFAULT 0 NOT NULL,
  DROP CONSTRAINT stat_contacts_day_site_id_day_category_contact_type_pk,
  ADD CONSTRAINT stat_contacts_day_site_id_day_category_contact_type_bucket_pk
    PRIMARY KEY (site_id, day, category, contact_type, bucket);
--> statement-breakpoint
ALTER TABLE stat_contacts_month ADD COLUMN bucket smallint DEFAULT 0 NOT NULL,
  DROP CONSTRAINT stat_contacts_month_site_id_month_category_contact_type_pk,
  ADD CONSTRAINT stat_contacts_month_site_id_month_category_contact_type_bucket_pk
    PRIMARY KEY (site_id, month, category, contact_type, bucket);
--> statement-breakpoint
ALTER TABLE stat_reasons_day ADD COLUMN bucket smallint DEFAULT 0 NOT NULL,
  DROP CONSTRAINT stat_reasons_day_site_id_day_category_life_area_support_kind_pk,
  ADD CONSTRAINT stat_reasons_day_site_id_day_category_life_area_support_kind_bucket_pk
    PRIMARY KEY (site_id, day, category, life_area, support_kind, bucket);
--> statement-breakpoint
ALTER TABLE stat_reasons_month ADD COLUMN bucket smallint DEFAULT 0 NOT NULL,
  DROP CONSTRAINT stat_reasons_month_site_id_month_category_life_area_support_kind_pk,
  ADD CONSTRAINT stat_reasons_month_site_id_month_category_life_area_support_kind_bucket_pk
    PRIMARY KEY (site_id, month, category, life_area, support_kind, bucket);
--> statement-breakpoint
-- This transaction's bucket: the one it holds already, else the lowest free one of 0..15.
CREATE FUNCTION stat_bucket() RETURNS smallint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  b int := nullif(current_setting('quartier.stat_bucket', true), '')::int;
BEGIN
  IF b IS NOT NULL THEN
    RETURN b;
  END IF;
  FOR i IN 0..15 LOOP
    IF pg_try_advisory_xact_lock(74213, i) THEN
      b := i;
      EXIT;
    END IF;
  END LOOP;
  b := coalesce(b, pg_backend_pid() % 16);
  PERFORM set_config('quartier.stat_bucket', b::text, true);
  RETURN b;
END;
$$;
--> statement-breakpoint
-- the adders of 0017, the same deltas into this transaction's bucket
CREATE OR REPLACE FUNCTION stat_add_households(s uuid[], d date[], c text[], k text[], h int[], p int[],
  hk bigint[], pk bigint[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  b smallint;
BEGIN
  IF s IS NULL OR cardinality(s) = 0 THEN
    RETURN;
  END IF;
  b := stat_bucket();
  INSERT INTO stat_households_day AS t
    (site_id, day, category, district_code, bucket, households, persons, household_key_sum, person_key_sum)
  SELECT x.site_id, x.day, x.category, x.district_code, b, sum(x.households), sum(x.persons), sum(x.hk),
    sum(x.pk)
  FROM unnest(s, d, c, k, h, p, hk, pk) AS x(site_id, day, category, district_code, households, persons, hk, pk)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.households) <> 0 OR sum(x.persons) <> 0 OR sum(x.hk) <> 0 OR sum(x.pk) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, day, category, district_code, bucket) DO UPDATE
    SET households = t.households + EXCLUDED.households, persons = t.persons + EXCLUDED.persons,
      household_key_sum = t.household_key_sum + EXCLUDED.household_key_sum,
      person_key_sum = t.person_key_sum + EXCLUDED.person_key_sum;
  INSERT INTO stat_households_month AS t
    (site_id, month, category, district_code, bucket, households, persons, household_key_sum, person_key_sum)
  SELECT x.site_id, date_trunc('month', x.day::timestamp)::date, x.category, x.district_code, b,
    sum(x.households), sum(x.persons), sum(x.hk), sum(x.pk)
  FROM unnest(s, d, c, k, h, p, hk, pk) AS x(site_id, day, category, district_code, households, persons, hk, pk)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.households) <> 0 OR sum(x.persons) <> 0 OR sum(x.hk) <> 0 OR sum(x.pk) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, month, category, district_code, bucket) DO UPDATE
    SET households = t.households + EXCLUDED.households, persons = t.persons + EXCLUDED.persons,
      household_key_sum = t.household_key_sum + EXCLUDED.household_key_sum,
      person_key_sum = t.person_key_sum + EXCLUDED.person_key_sum;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_add_contacts(s uuid[], d date[], c text[], k text[], n int[], ks bigint[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  b smallint;
BEGIN
  IF s IS NULL OR cardinality(s) = 0 THEN
    RETURN;
  END IF;
  b := stat_bucket();
  INSERT INTO stat_contacts_day AS t (site_id, day, category, contact_type, bucket, contacts, key_sum)
  SELECT x.site_id, x.day, x.category, x.contact_type, b, sum(x.n), sum(x.ks)
  FROM unnest(s, d, c, k, n, ks) AS x(site_id, day, category, contact_type, n, ks)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.n) <> 0 OR sum(x.ks) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, day, category, contact_type, bucket) DO UPDATE
    SET contacts = t.contacts + EXCLUDED.contacts, key_sum = t.key_sum + EXCLUDED.key_sum;
  INSERT INTO stat_contacts_month AS t (site_id, month, category, contact_type, bucket, contacts, key_sum)
  SELECT x.site_id, date_trunc('month', x.day::timestamp)::date, x.category, x.contact_type, b, sum(x.n),
    sum(x.ks)
  FROM unnest(s, d, c, k, n, ks) AS x(site_id, day, category, contact_type, n, ks)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.n) <> 0 OR sum(x.ks) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, month, category, contact_type, bucket) DO UPDATE
    SET contacts = t.contacts + EXCLUDED.contacts, key_sum = t.key_sum + EXCLUDED.key_sum;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_add_reasons(s uuid[], d date[], c text[], la text[], sk text[], n int[],
  ks bigint[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  b smallint;
BEGIN
  IF s IS NULL OR cardinality(s) = 0 THEN
    RETURN;
  END IF;
  b := stat_bucket();
  INSERT INTO stat_reasons_day AS t
    (site_id, day, category, life_area, support_kind, bucket, reasons, key_sum)
  SELECT x.site_id, x.day, x.category, x.life_area, x.support_kind, b, sum(x.n), sum(x.ks)
  FROM unnest(s, d, c, la, sk, n, ks) AS x(site_id, day, category, life_area, support_kind, n, ks)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.n) <> 0 OR sum(x.ks) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (site_id, day, category, life_area, support_kind, bucket) DO UPDATE
    SET reasons = t.reasons + EXCLUDED.reasons, key_sum = t.key_sum + EXCLUDED.key_sum;
  INSERT INTO stat_reasons_month AS t
    (site_id, month, category, life_area, support_kind, bucket, reasons, key_sum)
  SELECT x.site_id, date_trunc('month', x.day::timestamp)::date, x.category, x.life_area, x.support_kind, b,
    sum(x.n), sum(x.ks)
  FROM unnest(s, d, c, la, sk, n, ks) AS x(site_id, day, category, life_area, support_kind, n, ks)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.n) <> 0 OR sum(x.ks) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (site_id, month, category, life_area, support_kind, bucket) DO UPDATE
    SET reasons = t.reasons + EXCLUDED.reasons, key_sum = t.key_sum + EXCLUDED.key_sum;
END;
$$;
--> statement-breakpoint
-- Folds buckets 1..15 into bucket 0 (fewer rows for the readers after busy periods; maintenance, not
-- needed for exactness). One statement per table: a reader sees the rows before or after, never between;
-- a writer holding a bucket makes the fold wait for its commit and then moves its committed delta.
CREATE FUNCTION stat_compact() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (DELETE FROM stat_households_day WHERE bucket <> 0 RETURNING *)
  INSERT INTO stat_households_day AS t
    (site_id, day, category, district_code, bucket, households, persons, household_key_sum, person_key_sum)
  SELECT site_id, day, category, district_code, 0, sum(households), sum(persons), sum(household_key_sum),
    sum(person_key_sum)
  FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, day, category, district_code, bucket) DO UPDATE
    SET households = t.households + EXCLUDED.households, persons = t.persons + EXCLUDED.persons,
      household_key_sum = t.household_key_sum + EXCLUDED.household_key_sum,
      person_key_sum = t.person_key_sum + EXCLUDED.person_key_sum;
  WITH moved AS (DELETE FROM stat_households_month WHERE bucket <> 0 RETURNING *)
  INSERT INTO stat_households_month AS t
    (site_id, month, category, district_code, bucket, households, persons, household_key_sum, person_key_sum)
  SELECT site_id, month, category, district_code, 0, sum(households), sum(persons), sum(household_key_sum),
    sum(person_key_sum)
  FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, month, category, district_code, bucket) DO UPDATE
    SET households = t.households + EXCLUDED.households, persons = t.persons + EXCLUDED.persons,
      household_key_sum = t.household_key_sum + EXCLUDED.household_key_sum,
      person_key_sum = t.person_key_sum + EXCLUDED.person_key_sum;
  WITH moved AS (DELETE FROM stat_contacts_day WHERE bucket <> 0 RETURNING *)
  INSERT INTO stat_contacts_day AS t (site_id, day, category, contact_type, bucket, contacts, key_sum)
  SELECT site_id, day, category, contact_type, 0, sum(contacts), sum(key_sum)
  FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, day, category, contact_type, bucket) DO UPDATE
    SET contacts = t.contacts + EXCLUDED.contacts, key_sum = t.key_sum + EXCLUDED.key_sum;
  WITH moved AS (DELETE FROM stat_contacts_month WHERE bucket <> 0 RETURNING *)
  INSERT INTO stat_contacts_month AS t (site_id, month, category, contact_type, bucket, contacts, key_sum)
  SELECT site_id, month, category, contact_type, 0, sum(contacts), sum(key_sum)
  FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, month, category, contact_type, bucket) DO UPDATE
    SET contacts = t.contacts + EXCLUDED.contacts, key_sum = t.key_sum + EXCLUDED.key_sum;
  WITH moved AS (DELETE FROM stat_reasons_day WHERE bucket <> 0 RETURNING *)
  INSERT INTO stat_reasons_day AS t (site_id, day, category, life_area, support_kind, bucket, reasons, key_sum)
  SELECT site_id, day, category, life_area, support_kind, 0, sum(reasons), sum(key_sum)
  FROM moved GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (site_id, day, category, life_area, support_kind, bucket) DO UPDATE
    SET reasons = t.reasons + EXCLUDED.reasons, key_sum = t.key_sum + EXCLUDED.key_sum;
  WITH moved AS (DELETE FROM stat_reasons_month WHERE bucket <> 0 RETURNING *)
  INSERT INTO stat_reasons_month AS t
    (site_id, month, category, life_area, support_kind, bucket, reasons, key_sum)
  SELECT site_id, month, category, life_area, support_kind, 0, sum(reasons), sum(key_sum)
  FROM moved GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (site_id, month, category, life_area, support_kind, bucket) DO UPDATE
    SET reasons = t.reasons + EXCLUDED.reasons, key_sum = t.key_sum + EXCLUDED.key_sum;
END;
$$;
