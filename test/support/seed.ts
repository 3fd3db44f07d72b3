import type { Db } from '../../db/connection';

/**
 * Fills a db with `count` synthetic assets using one INSERT ... SELECT over a recursive CTE, so 1M rows take
 * seconds instead of a minute. Values vary enough for filters, sorting and FTS to behave realistically.
 */
export function seedSynthetic(db: Db, count: number, opts: { productions?: number; tools?: number } = {}): void {
  const productions = opts.productions ?? 5;
  const tools = opts.tools ?? 8;
  db.transaction(() => {
    for (let p = 1; p <= productions; p++) {
      db.prepare(`INSERT OR IGNORE INTO productions (code, title, contact_email, vendor, episodes, created_at)
        VALUES (?, ?, ?, 'Seed VFX', '[]', '2026-01-01T00:00:00.000Z')`).run(`SEED${p}`, `Seed production ${p}`, `contact${p}@netflix.com`);
    }
    for (let t = 1; t <= tools; t++) {
      db.prepare(`INSERT OR IGNORE INTO tools (name, hosting, enterprise, trains_on_inputs, retains_data, created_at)
        VALUES (?, 'local', 'no', 'no', 'no', '2026-01-01T00:00:00.000Z')`).run(`SeedTool${t}`);
    }
    const pIds = db.prepare("SELECT id FROM productions WHERE code LIKE 'SEED%' ORDER BY id").all() as { id: number }[];
    const tIds = db.prepare("SELECT id FROM tools WHERE name LIKE 'SeedTool%' ORDER BY id").all() as { id: number }[];
    const firstP = pIds[0]!.id;
    const firstT = tIds[0]!.id;
    // What the rule engine gives these rows (default facts leave P1 unsure; seed tools are local and keep nothing),
    // stored so opening a seeded db does not spend a minute assessing a million rows. Older schemas (migration
    // tests) have no outcome column.
    const hasOutcome = (db.prepare("SELECT count(*) AS n FROM pragma_table_info('assets') WHERE name = 'outcome'").get() as { n: number }).n > 0;
    db.prepare(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
      INSERT INTO assets (production_id, episode, file_name, path, sha256, size, media_type, classification, tool_id,
        created_by, created_at, prompt, notes${hasOutcome ? ', outcome' : ''})
      SELECT ? + (i % ?), 'E' || (1 + i % 10), 'shot_' || i || '.png', '/renders/shot_' || i || '.png',
        lower(hex(randomblob(32))), 1000 + (i * 7919) % 50000000,
        CASE i % 6 WHEN 0 THEN 'image' WHEN 1 THEN 'video' WHEN 2 THEN 'audio' WHEN 3 THEN 'text' WHEN 4 THEN '3d' ELSE 'other' END,
        CASE WHEN (i / 7) % 5 = 0 THEN 'deliverable' ELSE 'temporary' END,
        ? + (i % ?), 'artist' || (i % 40),
        strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i % 300) || ' days', '+' || (i % 86400) || ' seconds'),
        CASE i % 4 WHEN 0 THEN 'matte painting of a castle at dusk number ' || i
                   WHEN 1 THEN 'dragon flying over a harbour wide shot ' || i
                   WHEN 2 THEN 'crowd extension stadium night ' || i
                   ELSE 'sky replacement overcast ' || i END,
        CASE WHEN i % 97 = 0 THEN 'client review needed' ELSE '' END
        ${hasOutcome ? ", 'escalate'" : ''}
      FROM n`).run(count, firstP, pIds.length, firstT, tIds.length);
  })();
}
