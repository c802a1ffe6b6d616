/**
 * npm run token -- create --huvudman 0581 --name "Norrköping, äldreomsorg"
 * npm run token -- list
 * npm run token -- revoke TOKEN_ID
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { prepareDatabase } from '../database';
import { createToken, listTokens, revokeToken } from '../editors/tokens';

const USAGE = `Usage:
  npm run token -- create --huvudman CODE --name "Kommun, avdelning"
  npm run token -- list
  npm run token -- revoke TOKEN_ID`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { huvudman: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, id] = positionals;
  if (!command || !['create', 'list', 'revoke'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const db = await prepareDatabase(readConfig());
  try {
    if (command === 'create') {
      if (!values.huvudman || !values.name) {
        console.error(USAGE);
        return 2;
      }
      const created = await createToken(db, values.huvudman, values.name);
      console.log(
        `Token ${created.id} for ${created.huvudmanName} (${created.huvudman}), "${values.name}":\n`,
      );
      console.log(`  ${created.token}\n`);
      console.log('It is shown only now; only a hash is stored. Send it as "Authorization: Bearer <token>".');
    } else if (command === 'list') {
      for (const t of await listTokens(db)) {
        const state = t.revokedAt ? `revoked ${t.revokedAt}` : `active, last used ${t.lastUsedAt ?? 'never'}`;
        console.log(`${t.id}  ${t.huvudman}  ${t.name}  (created ${t.createdAt}; ${state})`);
      }
    } else {
      if (!id) {
        console.error(USAGE);
        return 2;
      }
      if (!(await revokeToken(db, id))) {
        console.error(`No token has the id ${id}`);
        return 1;
      }
      console.log(`Revoked ${id}.`);
    }
    return 0;
  } finally {
    db.$client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
