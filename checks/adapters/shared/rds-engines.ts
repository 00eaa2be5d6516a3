/** The engine family of an RDS or Aurora engine name, as the RDS policies compare them (`engineFamily`). */
export function engineFamily(engine: string | undefined): string | undefined {
  if (engine === undefined) return undefined;
  const e = engine.toLowerCase();
  if (e === 'postgres' || e === 'aurora-postgresql') return 'postgres';
  if (e === 'mysql' || e === 'mariadb' || e === 'aurora-mysql' || e === 'aurora') return 'mysql';
  if (e.startsWith('sqlserver')) return 'sqlserver';
  if (e.startsWith('oracle') || e.startsWith('custom-oracle')) return 'oracle';
  if (e.startsWith('db2')) return 'db2';
  return 'other';
}
