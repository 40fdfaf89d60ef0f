-- What the application may do, as the role `crm_app` (created by the deployment, see
-- scripts/mariadb.sh): the server runs as an account holding only this role, while migrations
-- run as the schema's owner. Nothing is ever deleted (deletes are soft), and the audit log and
-- the request-id records can only be appended to and read.
-- Every migration that adds a table grants the role what it needs on it.
CREATE ROLE IF NOT EXISTS crm_app;
GRANT SELECT ON schema_migrations TO crm_app;
GRANT SELECT, INSERT ON audit_log TO crm_app;
GRANT SELECT, INSERT, UPDATE ON idempotency_keys TO crm_app;
GRANT SELECT, INSERT, UPDATE ON leads TO crm_app;
GRANT SELECT, INSERT ON lead_activities TO crm_app;
GRANT SELECT, INSERT ON units TO crm_app;
GRANT SELECT, INSERT, UPDATE ON principals TO crm_app;
GRANT SELECT, INSERT, UPDATE ON api_tokens TO crm_app;
