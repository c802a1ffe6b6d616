import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig, envSchema, readConfig } from '../../api/config';
import { environmentVariables, withCurrentTable } from '../../scripts/env-table';

describe('the environment, parsed once', () => {
  it("lists every variable in the README's table, as the schema describes it today", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withCurrentTable(readme), 'run npm run docs:env').toBe(readme);
    const listed = environmentVariables().map((v) => v.name);
    expect(listed).toEqual(Object.keys(envSchema.shape));
    for (const name of listed) expect(readme).toContain(`| \`${name}\``);
  });

  it('has one set of defaults, the ones an empty environment gets', () => {
    expect(defaultConfig()).toEqual(readConfig({}));
    expect(defaultConfig()).toMatchObject({
      DATA_POLL_MS: 2000,
      RATE_LIMIT_PER_MINUTE: 600,
      FEEDBACK_PER_MINUTE: 10,
    });
  });

  it('names the variable and the problem when a value is wrong', () => {
    expect(() => readConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => readConfig({ SYNC_INTERVAL: '5s' })).toThrow(/SYNC_INTERVAL: at least 1m/);
  });
});
