import { connectTeamServer, initTeamSchema } from '..';

/**
 * Drops every table and function of the team schema and creates it anew, so each test starts
 * from an empty log on the one cluster a file starts. Found by name rather than listed, so a
 * table a later team migration adds is dropped too.
 */
export async function freshTeamSchema(url: string): Promise<void> {
  const admin = await connectTeamServer(url);
  try {
    await admin.client.query(`
      DO $$
      DECLARE name text;
      BEGIN
        FOR name IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'team\\_%' LOOP
          EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', name);
        END LOOP;
        FOR name IN SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'public' AND p.proname LIKE 'team\\_%' LOOP
          EXECUTE 'DROP FUNCTION IF EXISTS ' || name || ' CASCADE';
        END LOOP;
      END $$;`);
    await initTeamSchema(admin);
  } finally {
    await admin.close();
  }
}
