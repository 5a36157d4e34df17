-- V1 was written for H2 and names its long text columns CLOB, which PostgreSQL lacks.
-- A domain of that name lets the very same migrations run on both databases.
DO $$
BEGIN
    CREATE DOMAIN clob AS text;
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
