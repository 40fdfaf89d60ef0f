-- The dashboard: the day each project first reached each stage, soft delete of
-- projects, and the rollups the dashboard reads instead of scanning projects.
--
-- The rollups are maintained by the projects store in the transaction of every
-- project write (storage/pipeline_rollup.cc adds the difference between the
-- project's contribution before and after). The *_recount views compute the
-- same figures from the base tables: the rollups must always equal them, apart
-- from rows that have fallen back to all zeros (tests/integration/
-- pipeline_rollup_test.cc checks it after a random workload; the data
-- generator refills the rollups from them after a bulk load).
--
-- Industry 0 is the all-industries bucket: every project counts there, and
-- also under its own industry when it has one (a filter on "no industry" is
-- not a thing the dashboard offers).

ALTER TABLE projects
  ADD COLUMN negotiation_date DATE NULL,
  ADD COLUMN registered_date DATE NULL,
  ADD COLUMN construction_start_date DATE NULL,
  ADD COLUMN production_date DATE NULL,
  ADD COLUMN delete_time DATETIME(6) NULL;

-- Projects written before this migration: the dates from their history.
UPDATE projects p SET
  negotiation_date = (SELECT MIN(h.effective_date) FROM project_stage_history h
                      WHERE h.project_id = p.id AND h.from_stage = 0),
  registered_date = (SELECT MIN(h.effective_date) FROM project_stage_history h
                     WHERE h.project_id = p.id AND h.from_stage < 3 AND h.to_stage BETWEEN 3 AND 5),
  construction_start_date = (SELECT MIN(h.effective_date) FROM project_stage_history h
                             WHERE h.project_id = p.id AND h.from_stage < 4 AND h.to_stage BETWEEN 4 AND 5),
  production_date = (SELECT MIN(h.effective_date) FROM project_stage_history h
                     WHERE h.project_id = p.id AND h.from_stage < 5 AND h.to_stage = 5);

-- Open milestones by due day, for the alert list.
CREATE INDEX milestones_overdue ON milestones (actual_date, delete_time, planned_date, id);

-- Projects now, per industry × unit × stage × tier.
CREATE TABLE pipeline_stage_rollup (
  industry TINYINT UNSIGNED NOT NULL,
  unit_id VARCHAR(64) NOT NULL,
  stage TINYINT UNSIGNED NOT NULL,
  tier TINYINT UNSIGNED NOT NULL,
  project_count BIGINT NOT NULL,
  planned_investment_cny BIGINT NOT NULL,
  contracted_investment_cny BIGINT NOT NULL,
  PRIMARY KEY (industry, unit_id, stage, tier)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per industry × month × unit: projects that reached each stage that month and,
-- of those, how many reached the next one since (the cohort conversions); the
-- signings by tier and planned amount; projects lost that month (still lost)
-- by reason; capital that arrived that month.
CREATE TABLE pipeline_month_rollup (
  industry TINYINT UNSIGNED NOT NULL,
  month_start DATE NOT NULL,
  unit_id VARCHAR(64) NOT NULL,
  reached_negotiation BIGINT NOT NULL,
  reached_signed BIGINT NOT NULL,
  reached_registered BIGINT NOT NULL,
  reached_construction BIGINT NOT NULL,
  reached_production BIGINT NOT NULL,
  converted_negotiation BIGINT NOT NULL,
  converted_signed BIGINT NOT NULL,
  converted_registered BIGINT NOT NULL,
  converted_construction BIGINT NOT NULL,
  signed_investment_cny BIGINT NOT NULL,
  signed_1b BIGINT NOT NULL,
  signed_2b BIGINT NOT NULL,
  signed_5b BIGINT NOT NULL,
  lost_count BIGINT NOT NULL,
  lost_competing_region BIGINT NOT NULL,
  lost_investor_withdrew BIGINT NOT NULL,
  lost_land BIGINT NOT NULL,
  lost_policy BIGINT NOT NULL,
  lost_financing BIGINT NOT NULL,
  lost_other BIGINT NOT NULL,
  capital_arrived_cny BIGINT NOT NULL,
  PRIMARY KEY (industry, month_start, unit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What each live project contributes to pipeline_stage_rollup (industry 0 rows included).
CREATE VIEW pipeline_stage_facts AS
  SELECT industry, unit_id, stage, tier, planned_investment_cny, contracted_investment_cny
    FROM projects WHERE delete_time IS NULL AND industry <> 0
  UNION ALL
  SELECT 0, unit_id, stage, tier, planned_investment_cny, contracted_investment_cny
    FROM projects WHERE delete_time IS NULL;

CREATE VIEW pipeline_stage_recount AS
  SELECT industry, unit_id, stage, tier, COUNT(*) AS project_count,
         SUM(planned_investment_cny) AS planned_investment_cny,
         SUM(contracted_investment_cny) AS contracted_investment_cny
    FROM pipeline_stage_facts GROUP BY industry, unit_id, stage, tier;

-- One row per event of a live project: a stage reached, a loss, an arrival.
-- Columns in pipeline_month_rollup's order after the key.
CREATE VIEW pipeline_month_events AS
  SELECT id, industry, unit_id, negotiation_date AS day, 1 AS rn, 0 AS rs, 0 AS rr, 0 AS rc, 0 AS rp,
         signed_date IS NOT NULL AS cn, 0 AS cs, 0 AS cr, 0 AS cc, 0 AS amount, 0 AS s1, 0 AS s2, 0 AS s5,
         0 AS lost, 0 AS l1, 0 AS l2, 0 AS l3, 0 AS l4, 0 AS l5, 0 AS l6, 0 AS capital
    FROM projects WHERE delete_time IS NULL AND negotiation_date IS NOT NULL
  UNION ALL
  SELECT id, industry, unit_id, signed_date, 0, 1, 0, 0, 0, 0, registered_date IS NOT NULL, 0, 0,
         planned_investment_cny, tier >= 2, tier >= 3, tier >= 4, 0, 0, 0, 0, 0, 0, 0, 0
    FROM projects WHERE delete_time IS NULL AND signed_date IS NOT NULL
  UNION ALL
  SELECT id, industry, unit_id, registered_date, 0, 0, 1, 0, 0, 0, 0, construction_start_date IS NOT NULL, 0,
         0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM projects WHERE delete_time IS NULL AND registered_date IS NOT NULL
  UNION ALL
  SELECT id, industry, unit_id, construction_start_date, 0, 0, 0, 1, 0, 0, 0, 0, production_date IS NOT NULL,
         0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM projects WHERE delete_time IS NULL AND construction_start_date IS NOT NULL
  UNION ALL
  SELECT id, industry, unit_id, production_date, 0, 0, 0, 0, 1, 0, 0, 0, 0,
         0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM projects WHERE delete_time IS NULL AND production_date IS NOT NULL
  UNION ALL
  SELECT id, industry, unit_id, stage_date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         1, lost_reason = 1, lost_reason = 2, lost_reason = 3, lost_reason = 4, lost_reason = 5, lost_reason = 6, 0
    FROM projects WHERE delete_time IS NULL AND stage = 6
  UNION ALL
  SELECT p.id, p.industry, p.unit_id, a.arrival_date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         0, 0, 0, 0, 0, 0, 0, a.amount_cny
    FROM capital_arrivals a JOIN projects p ON p.id = a.project_id WHERE p.delete_time IS NULL;

CREATE VIEW pipeline_month_facts AS
  SELECT industry, unit_id, day, rn, rs, rr, rc, rp, cn, cs, cr, cc, amount, s1, s2, s5,
         lost, l1, l2, l3, l4, l5, l6, capital
    FROM pipeline_month_events WHERE industry <> 0
  UNION ALL
  SELECT 0, unit_id, day, rn, rs, rr, rc, rp, cn, cs, cr, cc, amount, s1, s2, s5,
         lost, l1, l2, l3, l4, l5, l6, capital
    FROM pipeline_month_events;

CREATE VIEW pipeline_month_recount AS
  SELECT industry, CAST(DATE_FORMAT(day, '%Y-%m-01') AS DATE) AS month_start, unit_id,
         SUM(rn) AS reached_negotiation, SUM(rs) AS reached_signed, SUM(rr) AS reached_registered,
         SUM(rc) AS reached_construction, SUM(rp) AS reached_production,
         SUM(cn) AS converted_negotiation, SUM(cs) AS converted_signed, SUM(cr) AS converted_registered,
         SUM(cc) AS converted_construction, SUM(amount) AS signed_investment_cny,
         SUM(s1) AS signed_1b, SUM(s2) AS signed_2b, SUM(s5) AS signed_5b,
         SUM(lost) AS lost_count, SUM(l1) AS lost_competing_region, SUM(l2) AS lost_investor_withdrew,
         SUM(l3) AS lost_land, SUM(l4) AS lost_policy, SUM(l5) AS lost_financing, SUM(l6) AS lost_other,
         SUM(capital) AS capital_arrived_cny
    FROM pipeline_month_facts GROUP BY industry, month_start, unit_id;

INSERT INTO pipeline_stage_rollup SELECT * FROM pipeline_stage_recount;
INSERT INTO pipeline_month_rollup SELECT * FROM pipeline_month_recount;

GRANT SELECT, INSERT, UPDATE ON pipeline_stage_rollup TO crm_app;
GRANT SELECT, INSERT, UPDATE ON pipeline_month_rollup TO crm_app;
GRANT SELECT ON pipeline_stage_recount TO crm_app;
GRANT SELECT ON pipeline_month_recount TO crm_app;
