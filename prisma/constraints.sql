-- Rules Prisma's schema language cannot state. Applied by src/db/migrate.ts after the migrations on every start
-- (idempotent). They live outside prisma/migrations because the offline wasm schema engine crashes when it
-- introspects a CHECK constraint in the shadow database (`npm run db:migration` would stop working).
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT * FROM (VALUES
    ('SalesEntry', 'SalesEntry_amounts_nonnegative',
     'CHECK ("domesticOffline" >= 0 AND "domesticOnline" >= 0 AND "exportOffline" >= 0 AND "exportOnline" >= 0)'),
    ('SalesEntry', 'SalesEntry_month_first_day', 'CHECK (EXTRACT(DAY FROM "month") = 1)'),
    ('SalesEntry', 'SalesEntry_revision_positive', 'CHECK ("revision" >= 1)'),
    ('ExportDetail', 'ExportDetail_value_nonnegative', 'CHECK ("value" >= 0)'),
    ('MonthlyEstimate', 'MonthlyEstimate_amounts_nonnegative',
     'CHECK ("domesticOffline" >= 0 AND "domesticOnline" >= 0 AND "exportOffline" >= 0 AND "exportOnline" >= 0)'),
    ('Target', 'Target_one_unit', 'CHECK (("provinceId" IS NULL) <> ("districtId" IS NULL))'),
    ('TargetLevel', 'TargetLevel_one_rule', 'CHECK (("threshold" IS NULL) <> ("growthBasisPoints" IS NULL))')
  ) AS t(tbl, name, def)
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = c.name) THEN
      EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', c.tbl, c.name, c.def);
    END IF;
  END LOOP;
END $$;
