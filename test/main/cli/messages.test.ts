import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { createExampleModel } from '../../../shared/model';

/** The command line words its errors in the language of --lang, from the same vocabulary as the UI. */
async function run(...argv: string[]) {
  let stderr = '';
  const code = await runCli(argv, { out: () => undefined, err: (text) => (stderr += text) });
  return { code, stderr };
}

let dir = '';
let file = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'costplan-messages-'));
  file = join(dir, 'example.json');
  writeFileSync(file, JSON.stringify(createExampleModel('zh')));
});

describe('command-line errors in Chinese with --lang zh', () => {
  it('an unknown command and an unknown option', async () => {
    expect((await run('frob', '--lang', 'zh')).stderr).toMatch(/^error: 没有“frob”这个命令（可用的命令：example、compute、/u);
    expect((await run('frob')).stderr).toMatch(/^error: unknown command "frob" \(commands: example, compute, /u);
    const option = await run('compute', file, '--bogus', '--lang', 'zh');
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^error: 该命令没有 --bogus 这个选项（用法：costplan compute /u);
  });

  it('a file that is not a model, and an import of a file that is not there', async () => {
    expect((await run('compute', join(dir, 'notes.txt'), '--lang', 'zh')).stderr).toBe(
      `error: ${join(dir, 'notes.txt')}：须为以 .costplan 或 .json 结尾的模型文件\n`,
    );
    const missing = join(dir, 'missing.csv');
    expect((await run('import', missing, '--out', join(dir, 'x.costplan'), '--lang', 'zh')).stderr).toBe(`error: ${missing}：文件不存在\n`);
    expect((await run('import', missing, '--out', join(dir, 'x.costplan'))).stderr).toBe(`error: ${missing}: no such file\n`);
  });

  it('an import names the row, the column and the field in Chinese', async () => {
    const csv = join(dir, 'lines.csv');
    writeFileSync(csv, ['层级,名称,依据,数值', '1,售后服务成本,金额,100', '2,呼叫中心,占比,abc'].join('\n'));
    expect((await run('import', csv, '--out', join(dir, 'y.costplan'), '--lang', 'zh')).stderr).toBe(
      `error: ${csv}：工作表“lines.csv”，第 3 行，D 列（数值）：数值须为数字，填的是文字“abc”\n`,
    );
  });

  it('an analysis option out of range', async () => {
    const swing = await run('tornado', file, '--scenario', '目标 15%', '--output', 'npv', '--swing', '20', '--lang', 'zh');
    expect(swing.code).toBe(2);
    expect(swing.stderr).toBe(`error: ${file}：--swing：变动幅度须大于 0 且不大于 10（0.1 即 ±10%），输入的是 20\n`);
  });
});
