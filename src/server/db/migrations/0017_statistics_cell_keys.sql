-- Cell keys for the board's statistics (issue 10 §6, modules/statistics/cell-key.ts): every counted
-- record has a record key, a 32-bit number from the md5 of its id (stat_key below); every rollup row
-- keeps the exact sum of its records' keys next to its count, maintained by the same triggers in the
-- same transaction (template of 0004: per statement, deltas upserted in sorted key order). A report cell's
-- key is the sum of its rollup rows' key sums modulo 2^32 — the same set of records gives the same sum
-- whatever days and months it is read from; the application keys that sum with the installation's
-- secret before the p-table turns it into noise. Integers, not floats: the sums are exact in any order.
-- Records: a household (households.id), a person (persons.id), a contact (contacts.id), a reason
-- (contact id, life area and kind of support: contact_reasons has no id of its own).
CREATE OR REPLACE FUNCTION stat_key(id text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ('x' || substr(md5(id), 1, 8))::bit(32)::bigint
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_reason_key(contact_id uuid, life_area text, support_kind text)
RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT stat_key(contact_id::text || '|' || life_area || '|' || support_kind)
$$;
--> statement-breakpoint
ALTER TABLE stat_households_day ADD COLUMN household_key_sum bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE stat_households_day ADD COLUMN person_key_sum bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE stat_households_month ADD COLUMN household_key_sum bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE stat_households_month ADD COLUMN person_key_sum bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE stat_contacts_day ADD COLUMN key_sum bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE stat_contacts_month ADD COLUMN key_sum bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE stat_reasons_day ADD COLUMN key_sum bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE stat_reasons_month ADD COLUMN key_sum bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- the adders of 0004 with one more array per count: the key deltas
DROP FUNCTION stat_add_households(uuid[], date[], text[], text[], int[], int[]);
--> statement-breakpoint
DROP FUNCTION stat_add_contacts(uuid[], date[], text[], text[], int[]);
--> statement-breakpoint
DROP FUNCTION stat_add_reasons(uuid[], date[], text[], text[], text[], int[]);
--> statement-breakpoint
CREATE FUNCTION stat_add_households(s uuid[], d date[], c text[], k text[], h int[], p int[],
  hk bigint[], pk bigint[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_households_day AS t
    (site_id, day, category, district_code, households, persons, household_key_sum, person_key_sum)
  SELECT x.site_id, x.day, x.category, x.district_code, sum(x.households), sum(x.persons), sum(x.hk), sum(x.pk)
  FROM unnest(s, d, c, k, h, p, hk, pk) AS x(site_id, day, category, district_code, households, persons, hk, pk)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.households) <> 0 OR sum(x.persons) <> 0 OR sum(x.hk) <> 0 OR sum(x.pk) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, day, category, district_code) DO UPDATE
    SET households = t.households + EXCLUDED.households, persons = t.persons + EXCLUDED.persons,
      household_key_sum = t.household_key_sum + EXCLUDED.household_key_sum,
      person_key_sum = t.person_key_sum + EXCLUDED.person_key_sum;
  INSERT INTO stat_households_month AS t
    (site_id, month, category, district_code, households, persons, household_key_sum, person_key_sum)
  SELECT x.site_id, date_trunc('month', x.day::timestamp)::date, x.category, x.district_code,
    sum(x.households), sum(x.persons), sum(x.hk), sum(x.pk)
  FROM unnest(s, d, c, k, h, p, hk, pk) AS x(site_id, day, category, district_code, households, persons, hk, pk)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.households) <> 0 OR sum(x.persons) <> 0 OR sum(x.hk) <> 0 OR sum(x.pk) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, month, category, district_code) DO UPDATE
    SET households = t.households + EXCLUDED.households, persons = t.persons + EXCLUDED.persons,
      household_key_sum = t.household_key_sum + EXCLUDED.household_key_sum,
      person_key_sum = t.person_key_sum + EXCLUDED.person_key_sum;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION stat_add_contacts(s uuid[], d date[], c text[], k text[], n int[], ks bigint[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_contacts_day AS t (site_id, day, category, contact_type, contacts, key_sum)
  SELECT x.site_id, x.day, x.category, x.contact_type, sum(x.n), sum(x.ks)
  FROM unnest(s, d, c, k, n, ks) AS x(site_id, day, category, contact_type, n, ks)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.n) <> 0 OR sum(x.ks) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, day, category, contact_type) DO UPDATE
    SET contacts = t.contacts + EXCLUDED.contacts, key_sum = t.key_sum + EXCLUDED.key_sum;
  INSERT INTO stat_contacts_month AS t (site_id, month, category, contact_type, contacts, key_sum)
  SELECT x.site_id, date_trunc('month', x.day::timestamp)::date, x.category, x.contact_type, sum(x.n),
    sum(x.ks)
  FROM unnest(s, d, c, k, n, ks) AS x(site_id, day, category, contact_type, n, ks)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.n) <> 0 OR sum(x.ks) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, month, category, contact_type) DO UPDATE
    SET contacts = t.contacts + EXCLUDED.contacts, key_sum = t.key_sum + EXCLUDED.key_sum;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION stat_add_reasons(s uuid[], d date[], c text[], la text[], sk text[], n int[], ks bigint[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_reasons_day AS t (site_id, day, category, life_area, support_kind, reasons, key_sum)
  SELECT x.site_id, x.day, x.category, x.life_area, x.support_kind, sum(x.n), sum(x.ks)
  FROM unnest(s, d, c, la, sk, n, ks) AS x(site_id, day, category, life_area, support_kind, n, ks)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.n) <> 0 OR sum(x.ks) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (site_id, day, category, life_area, support_kind) DO UPDATE
    SET reasons = t.reasons + EXCLUDED.reasons, key_sum = t.key_sum + EXCLUDED.key_sum;
  INSERT INTO stat_reasons_month AS t (site_id, month, category, life_area, support_kind, reasons, key_sum)
  SELECT x.site_id, date_trunc('month', x.day::timestamp)::date, x.category, x.life_area, x.support_kind,
    sum(x.n), sum(x.ks)
  FROM unnest(s, d, c, la, sk, n, ks) AS x(site_id, day, category, life_area, support_kind, n, ks)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.n) <> 0 OR sum(x.ks) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (site_id, month, category, life_area, support_kind) DO UPDATE
    SET reasons = t.reasons + EXCLUDED.reasons, key_sum = t.key_sum + EXCLUDED.key_sum;
END;
$$;
--> statement-breakpoint
-- the trigger functions of 0004/0005, the same deltas plus the keys of the records they move
CREATE OR REPLACE FUNCTION stat_households_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- a new household has no members yet (persons reference it)
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(x.h), array_agg(0), array_agg(x.hk), array_agg(0::bigint))
    FROM (SELECT registered_site_id s, registered_on d, category c, coalesce(district_code, '') k,
            count(*)::int h, sum(stat_key(id::text))::bigint hk
          FROM new_rows GROUP BY 1, 2, 3, 4) x;
  ELSIF TG_OP = 'DELETE' THEN
    -- members must be gone already (persons.household_id has no cascade)
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(x.h), array_agg(0), array_agg(x.hk), array_agg(0::bigint))
    FROM (SELECT registered_site_id s, registered_on d, category c, coalesce(district_code, '') k,
            -count(*)::int h, -sum(stat_key(id::text))::bigint hk
          FROM old_rows GROUP BY 1, 2, 3, 4) x;
  ELSE
    -- only rows whose bucket changed; a transfer (site_id) changes nothing here
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(x.h), array_agg(x.p), array_agg(x.hk), array_agg(x.pk))
    FROM (
      SELECT o.registered_site_id s, o.registered_on d, o.category c, coalesce(o.district_code, '') k,
        -1 h, -m.n p, -stat_key(o.id::text) hk, -m.keys pk
      FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (SELECT count(*)::int n, coalesce(sum(stat_key(p.id::text)), 0)::bigint keys
                          FROM persons p WHERE p.household_id = o.id) m
      WHERE n.id IS NULL
        OR (o.registered_site_id, o.registered_on, o.category, coalesce(o.district_code, ''))
          IS DISTINCT FROM (n.registered_site_id, n.registered_on, n.category, coalesce(n.district_code, ''))
      UNION ALL
      SELECT n.registered_site_id, n.registered_on, n.category, coalesce(n.district_code, ''),
        1, m.n, stat_key(n.id::text), m.keys
      FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (SELECT count(*)::int n, coalesce(sum(stat_key(p.id::text)), 0)::bigint keys
                          FROM persons p WHERE p.household_id = n.id) m
      WHERE o.id IS NULL
        OR (o.registered_site_id, o.registered_on, o.category, coalesce(o.district_code, ''))
          IS DISTINCT FROM (n.registered_site_id, n.registered_on, n.category, coalesce(n.district_code, ''))
    ) x;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_persons_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM households h WHERE h.id IN (SELECT household_id FROM new_rows) ORDER BY h.id FOR SHARE;
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(0), array_agg(x.p), array_agg(0::bigint), array_agg(x.pk))
    FROM (SELECT h.registered_site_id s, h.registered_on d, h.category c, coalesce(h.district_code, '') k,
            count(*)::int p, sum(stat_key(m.id::text))::bigint pk
          FROM new_rows m JOIN households h ON h.id = m.household_id GROUP BY 1, 2, 3, 4) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM households h WHERE h.id IN (SELECT household_id FROM old_rows) ORDER BY h.id FOR SHARE;
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(0), array_agg(x.p), array_agg(0::bigint), array_agg(x.pk))
    FROM (SELECT h.registered_site_id s, h.registered_on d, h.category c, coalesce(h.district_code, '') k,
            -count(*)::int p, -sum(stat_key(m.id::text))::bigint pk
          FROM old_rows m JOIN households h ON h.id = m.household_id GROUP BY 1, 2, 3, 4) x;
  ELSE
    PERFORM 1 FROM households h
    WHERE h.id IN (SELECT o.household_id FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
                   WHERE n.household_id IS DISTINCT FROM o.household_id
                   UNION SELECT n.household_id FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
                   WHERE o.household_id IS DISTINCT FROM n.household_id)
    ORDER BY h.id FOR SHARE;
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(0), array_agg(x.p), array_agg(0::bigint), array_agg(x.pk))
    FROM (
      SELECT h.registered_site_id s, h.registered_on d, h.category c, coalesce(h.district_code, '') k, -1 p,
        -stat_key(o.id::text) pk
      FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id JOIN households h ON h.id = o.household_id
      WHERE n.household_id IS DISTINCT FROM o.household_id
      UNION ALL
      SELECT h.registered_site_id, h.registered_on, h.category, coalesce(h.district_code, ''), 1,
        stat_key(n.id::text)
      FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id JOIN households h ON h.id = n.household_id
      WHERE o.household_id IS DISTINCT FROM n.household_id
    ) x;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_contacts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- a new contact has no reasons yet (contact_reasons reference it)
    PERFORM stat_add_contacts(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k), array_agg(x.n),
      array_agg(x.ks))
    FROM (SELECT site_id s, date d, category c, contact_type k, count(*)::int n,
            sum(stat_key(id::text))::bigint ks
          FROM new_rows GROUP BY 1, 2, 3, 4) x;
  ELSE
    PERFORM stat_add_contacts(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k), array_agg(x.n),
      array_agg(x.ks))
    FROM (
      SELECT o.site_id s, o.date d, o.category c, o.contact_type k, -1 n, -stat_key(o.id::text) ks
      FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
      WHERE n.id IS NULL OR (o.site_id, o.date, o.category, o.contact_type)
        IS DISTINCT FROM (n.site_id, n.date, n.category, n.contact_type)
      UNION ALL
      SELECT n.site_id, n.date, n.category, n.contact_type, 1, stat_key(n.id::text)
      FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
      WHERE o.id IS NULL OR (o.site_id, o.date, o.category, o.contact_type)
        IS DISTINCT FROM (n.site_id, n.date, n.category, n.contact_type)
    ) x;
    -- the updated contacts are locked by this statement, so their reasons cannot change meanwhile
    PERFORM stat_add_reasons(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.la),
      array_agg(x.sk), array_agg(x.n), array_agg(x.ks))
    FROM (
      SELECT s, d, c, la, sk, sum(n)::int n, sum(ks)::bigint ks FROM (
        SELECT o.site_id s, o.date d, o.category c, r.life_area la, r.support_kind sk, -1 n,
          -stat_reason_key(r.contact_id, r.life_area, r.support_kind) ks
        FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN contact_reasons r ON r.contact_id = o.id
        WHERE (o.site_id, o.date, o.category) IS DISTINCT FROM (n.site_id, n.date, n.category)
        UNION ALL
        SELECT n.site_id, n.date, n.category, r.life_area, r.support_kind, 1,
          stat_reason_key(r.contact_id, r.life_area, r.support_kind)
        FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN contact_reasons r ON r.contact_id = n.id
        WHERE (o.site_id, o.date, o.category) IS DISTINCT FROM (n.site_id, n.date, n.category)
      ) y GROUP BY 1, 2, 3, 4, 5
    ) x;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_contacts_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM contact_reasons r WHERE r.contact_id = OLD.id) THEN
    PERFORM stat_add_reasons(array_agg(OLD.site_id), array_agg(OLD.date), array_agg(OLD.category),
      array_agg(r.life_area), array_agg(r.support_kind), array_agg(-1),
      array_agg(-stat_reason_key(r.contact_id, r.life_area, r.support_kind)))
    FROM contact_reasons r WHERE r.contact_id = OLD.id;
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_contacts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_add_contacts(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k), array_agg(x.n),
    array_agg(x.ks))
  FROM (SELECT site_id s, date d, category c, contact_type k, -count(*)::int n,
          -sum(stat_key(id::text))::bigint ks
        FROM old_rows GROUP BY 1, 2, 3, 4) x;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_reasons_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM contacts c WHERE c.id IN (SELECT contact_id FROM new_rows) ORDER BY c.id FOR SHARE;
    PERFORM stat_add_reasons(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.la),
      array_agg(x.sk), array_agg(x.n), array_agg(x.ks))
    FROM (SELECT c.site_id s, c.date d, c.category c, r.life_area la, r.support_kind sk, count(*)::int n,
            sum(stat_reason_key(r.contact_id, r.life_area, r.support_kind))::bigint ks
          FROM new_rows r JOIN contacts c ON c.id = r.contact_id GROUP BY 1, 2, 3, 4, 5) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM contacts c WHERE c.id IN (SELECT contact_id FROM old_rows) ORDER BY c.id FOR SHARE;
    PERFORM stat_add_reasons(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.la),
      array_agg(x.sk), array_agg(x.n), array_agg(x.ks))
    FROM (SELECT c.site_id s, c.date d, c.category c, r.life_area la, r.support_kind sk, -count(*)::int n,
            -sum(stat_reason_key(r.contact_id, r.life_area, r.support_kind))::bigint ks
          FROM old_rows r JOIN contacts c ON c.id = r.contact_id GROUP BY 1, 2, 3, 4, 5) x;
  ELSE
    PERFORM 1 FROM contacts c
    WHERE c.id IN (SELECT contact_id FROM old_rows UNION SELECT contact_id FROM new_rows)
    ORDER BY c.id FOR SHARE;
    PERFORM stat_add_reasons(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.la),
      array_agg(x.sk), array_agg(x.n), array_agg(x.ks))
    FROM (
      SELECT s, d, c, la, sk, sum(n)::int n, sum(ks)::bigint ks FROM (
        SELECT c.site_id s, c.date d, c.category c, r.life_area la, r.support_kind sk, -1 n,
          -stat_reason_key(r.contact_id, r.life_area, r.support_kind) ks
        FROM old_rows r JOIN contacts c ON c.id = r.contact_id
        UNION ALL
        SELECT c.site_id, c.date, c.category, r.life_area, r.support_kind, 1,
          stat_reason_key(r.contact_id, r.life_area, r.support_kind)
        FROM new_rows r JOIN contacts c ON c.id = r.contact_id
      ) y GROUP BY 1, 2, 3, 4, 5
    ) x;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'households' THEN
    DELETE FROM stat_households_day;
    DELETE FROM stat_households_month;
  ELSIF TG_TABLE_NAME = 'persons' THEN
    UPDATE stat_households_day SET persons = 0, person_key_sum = 0 WHERE persons <> 0 OR person_key_sum <> 0;
    UPDATE stat_households_month SET persons = 0, person_key_sum = 0 WHERE persons <> 0 OR person_key_sum <> 0;
  ELSIF TG_TABLE_NAME = 'contacts' THEN
    DELETE FROM stat_contacts_day;
    DELETE FROM stat_contacts_month;
    DELETE FROM stat_reasons_day;
    DELETE FROM stat_reasons_month;
  ELSIF TG_TABLE_NAME = 'contact_reasons' THEN
    DELETE FROM stat_reasons_day;
    DELETE FROM stat_reasons_month;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Recomputes every rollup from the base tables (backfill; repair). Blocks writers while it runs.
CREATE OR REPLACE FUNCTION stat_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE households, persons, contacts, contact_reasons IN SHARE MODE;
  DELETE FROM stat_households_day;
  DELETE FROM stat_households_month;
  DELETE FROM stat_contacts_day;
  DELETE FROM stat_contacts_month;
  DELETE FROM stat_reasons_day;
  DELETE FROM stat_reasons_month;
  INSERT INTO stat_households_day
    (site_id, day, category, district_code, households, persons, household_key_sum, person_key_sum)
  SELECT h.registered_site_id, h.registered_on, h.category, coalesce(h.district_code, ''),
    count(*), coalesce(sum(m.n), 0), sum(stat_key(h.id::text)), coalesce(sum(m.keys), 0)
  FROM households h
  LEFT JOIN (SELECT household_id, count(*) n, sum(stat_key(id::text)) keys FROM persons GROUP BY 1) m
    ON m.household_id = h.id
  GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_households_month
    (site_id, month, category, district_code, households, persons, household_key_sum, person_key_sum)
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, district_code,
    sum(households), sum(persons), sum(household_key_sum), sum(person_key_sum)
  FROM stat_households_day GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_contacts_day (site_id, day, category, contact_type, contacts, key_sum)
  SELECT site_id, date, category, contact_type, count(*), sum(stat_key(id::text))
  FROM contacts GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_contacts_month (site_id, month, category, contact_type, contacts, key_sum)
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, contact_type, sum(contacts),
    sum(key_sum)
  FROM stat_contacts_day GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_reasons_day (site_id, day, category, life_area, support_kind, reasons, key_sum)
  SELECT c.site_id, c.date, c.category, r.life_area, r.support_kind, count(*),
    sum(stat_reason_key(r.contact_id, r.life_area, r.support_kind))
  FROM contact_reasons r JOIN contacts c ON c.id = r.contact_id GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO stat_reasons_month (site_id, month, category, life_area, support_kind, reasons, key_sum)
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, life_area, support_kind, sum(reasons),
    sum(key_sum)
  FROM stat_reasons_day GROUP BY 1, 2, 3, 4, 5;
END;
$$;
--> statement-breakpoint
SELECT stat_rebuild();
