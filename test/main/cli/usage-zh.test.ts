import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { createExampleModel } from '../../../shared/model';
import { englishWords } from '../../support/chinese';
import { dataTableUsage, goalSeekUsage, simulateUsage, tornadoUsage } from '../../../main/cli/commands/analysis';
import { computeUsage } from '../../../main/cli/commands/compute';
import { deckUsage } from '../../../main/cli/commands/deck';
import { exportUsage, importTemplateUsage, importUsage } from '../../../main/cli/commands/excel';
import { exampleUsage } from '../../../main/cli/commands/example';
import { checkUsage, dumpUsage, loadUsage, restoreUsage, snapshotsUsage } from '../../../main/cli/commands/files';
import { OUTPUTS } from '../../../shared/analysis';
import { DECK_SLIDES } from '../../../main/deck/build-deck';
import { DISPLAY_UNITS } from '../../../shared/model/units';
import { TEMPLATE_IDS } from '../../../shared/model/templates';

/**
 * Every refusal of the command line's options and specs, run in-process with --lang zh: one
 * Chinese line on stderr, exit code 2, and no English word in it apart from option names, the
 * usage line (the command's own syntax), the choices an option takes and the user's own words.
 */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** The command line's own syntax: command names, usage lines, the values options take, address keywords. */
const SYNTAX = [
  exampleUsage,
  computeUsage,
  goalSeekUsage,
  tornadoUsage,
  dataTableUsage,
  simulateUsage,
  exportUsage,
  deckUsage,
  importUsage,
  importTemplateUsage,
  dumpUsage,
  loadUsage,
  checkUsage,
  snapshotsUsage,
  restoreUsage,
  ...OUTPUTS,
  ...DECK_SLIDES,
  ...DISPLAY_UNITS,
  ...TEMPLATE_IDS,
];

let dir = '';
let model = '';
let noScenario = '';
let existing = '';
let logo = '';
let bigLogo = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'costplan-usage-zh-'));
  model = join(dir, 'example.json');
  writeFileSync(model, JSON.stringify(createExampleModel('zh')));
  noScenario = join(dir, 'empty-scenarios.json');
  writeFileSync(noScenario, JSON.stringify({ ...createExampleModel('zh'), scenarios: [] }));
  existing = join(dir, 'existing.csv');
  writeFileSync(existing, 'keep me');
  logo = join(dir, 'logo.png');
  writeFileSync(logo, 'not an image');
  bigLogo = join(dir, 'big.png');
  writeFileSync(bigLogo, Buffer.alloc(6 * 1024 * 1024));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const out = (name: string) => join(dir, name);

/** Paths made in beforeAll, named in the tables before it runs: MODEL, NO-SCENARIO, EXISTING, LOGO, @name (a file of the folder). */
function placed(arg: string): string {
  const files: Record<string, string> = { MODEL: model, 'NO-SCENARIO': noScenario, EXISTING: existing, LOGO: logo };
  return files[arg] ?? (arg.startsWith('@') ? join(dir, arg.slice(1)) : arg);
}

/** Runs with --lang zh (right after the command); the line must be Chinese, exit 2, and contain `names` (what the message is about). */
async function refusedInChinese(given: string[], names: readonly string[], userWords: readonly string[] = []): Promise<string> {
  const argv = given.map(placed);
  const result = await run(argv[0]!, '--lang', 'zh', ...argv.slice(1));
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^error: .+\n$/u);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  const line = result.stderr.slice('error: '.length).trim();
  expect(line).toMatch(/[\u4e00-\u9fff]/u);
  for (const name of names) expect(line).toContain(name);
  expect(englishWords(line, [...SYNTAX, ...userWords, ...argv])).toEqual([]);
  return line;
}

const analysis = (command: string, ...rest: string[]) => [command, 'MODEL', '--scenario', '目标 15%', '--output', 'npv', ...rest];

describe('the command line refuses options and specs in Chinese with --lang zh (exit 2)', () => {
  it.each<[string, string[], string[]]>([
    ['an unknown command', ['frob'], ['没有“frob”这个命令', '可用的命令：example、compute、']],
    ['an unknown option', ['compute', 'MODEL', '--bogus'], ['该命令没有 --bogus 这个选项', '用法：costplan compute FILE']],
    ['an option without its value', ['compute', 'MODEL', '--scenario'], ['选项 --scenario 后面须跟一个值']],
    ['a switch given a value', ['compute', 'MODEL', '--json=1'], ['选项 --json 不带值']],
    ['a value starting with a dash after a space', [...analysis('goal-seek', '--input', 'growth'), '--target', '-5'], ['--target=-0.02']],
    ['no FILE', ['compute'], ['须给出且只给出一个模型文件']],
    ['two FILEs', ['compute', 'MODEL', 'MODEL'], ['须给出且只给出一个模型文件']],
    ['an argument example does not take', ['example', 'extra', '--out', join(tmpdir(), 'x.costplan')], ['多余的参数“extra”']],
    ['--out missing', ['example'], ['缺少 --out FILE']],
    ['--snapshot missing', ['restore', join(tmpdir(), 'a.costplan')], ['缺少 --snapshot ID']],
    ['--scenario missing', ['goal-seek', 'MODEL', '--input', 'growth', '--output', 'npv', '--target', '1'], ['缺少 --scenario NAME']],
    ['--seed missing', analysis('simulate', '--trials', '10'), ['缺少 --seed S']],
    [
      '--template not a template',
      ['example', '--out', join(tmpdir(), 'x.costplan'), '--template', 'warehouse'],
      ['--template 须为 contact-center、', '“warehouse”'],
    ],
    ['--unit not a unit', ['deck', 'MODEL', '--out', join(tmpdir(), 'x.pptx'), '--unit', 'wan'], ['--unit 须为 yuan、thousand、', '“wan”']],
    [
      '--output not an output',
      ['goal-seek', 'MODEL', '--scenario', '目标 15%', '--input', 'growth', '--output', 'profit', '--target', '1'],
      ['--output 须为', '“profit”'],
    ],
    ['--target not a number', analysis('goal-seek', '--input', 'growth', '--target', 'lots'), ['--target 须为数字', '“lots”']],
    ['--swing not a number', analysis('tornado', '--swing', 'wide'), ['--swing 须为数字']],
    ['--trials not a number', analysis('simulate', '--trials', 'many', '--seed', '1'), ['--trials 须为数字']],
    ['--seed not a number', analysis('simulate', '--trials', '10', '--seed', 'x'), ['--seed 须为数字']],
    ['--bins not a number', analysis('simulate', '--trials', '10', '--seed', '1', '--bins', 'y'), ['--bins 须为数字']],
    ['a data-table value not a number', analysis('data-table', '--input', 'growth=0.1,abc'), ['--input“growth”的取值须为数字', '“abc”']],
    ['a range bound not a number', analysis('simulate', '--trials', '10', '--seed', '1', '--range', 'growth=0.1,x,0.3'), ['--range“growth”的取值须为数字']],
    ['--input without values', analysis('data-table', '--input', 'growth'), ['--input“growth”：须写作“输入=值1,值2,...”']],
    ['--range without bounds', analysis('simulate', '--trials', '10', '--seed', '1', '--range', 'growth'), ['--range“growth”：须写作']],
    ['--range with a made-up distribution', analysis('simulate', '--trials', '10', '--seed', '1', '--range', 'growth=0.1,0.2,0.3,normal'), ['须写作']],
    ['a data table without --input', analysis('data-table'), ['请给出一个或两个 --input']],
    ['a simulation without ranges', analysis('simulate', '--trials', '10', '--seed', '1'), ['情景“目标 15%”没有可模拟的不确定区间']],
    ['a model file of another kind', ['compute', join(tmpdir(), 'notes.txt')], ['须为以 .costplan 或 .json 结尾的模型文件']],
    ['load into a .json', ['load', 'MODEL', '--out', '@x.json'], ['模型文件须以 .costplan 结尾']],
    ['import into a .json', ['import', '@in.csv', '--out', '@x.json'], ['导入结果须写入以 .costplan 结尾的模型文件']],
    ['dump into a .txt', ['dump', 'MODEL', '--out', '@x.txt'], ['导出的模型须写入 .json 文件']],
    ['check of a .json', ['check', 'MODEL'], ['只能检查 .costplan 文件']],
    ['a deck not .pptx', ['deck', 'MODEL', '--out', '@x.ppt'], ['演示文稿须以 .pptx 结尾', '用法：costplan deck']],
    ['an export not .xlsx or .csv', ['export', 'MODEL', '--out', '@x.pdf'], ['输出文件须以 .xlsx 或 .csv 结尾']],
    ['an output that exists', ['export', 'MODEL', '--out', 'EXISTING'], ['已存在：如要替换，请加上 --force']],
    ['a folder that does not exist', ['export', 'MODEL', '--out', '@no-such-folder/x.csv'], ['无法写入', '（文件夹不存在）']],
    ['a logo that is not an image', ['deck', 'MODEL', '--out', '@x.pptx', '--logo', 'LOGO'], ['标志须为 .png 或 .jpg 格式的图片']],
    ['a logo that is not there', ['deck', 'MODEL', '--out', '@x.pptx', '--logo', '@missing.png'], ['无法读取标志图片', '（文件不存在）']],
    ['an accent that is not a colour', ['deck', 'MODEL', '--out', '@x.pptx', '--accent', 'blue'], ['--accent 须为颜色值', '“blue”']],
    ['an unknown slide', ['deck', 'MODEL', '--out', '@x.pptx', '--slides', 'cover'], ['--slides：没有名为“cover”的幻灯片']],
    ['no slide', ['deck', 'MODEL', '--out', '@x.pptx', '--slides', ','], ['--slides 须至少包含']],
    ['an unknown scenario', ['compute', 'MODEL', '--scenario', 'Nope'], ['没有名为“Nope”的情景（现有情景：“目标 15%”、“数字化工具 20%”）']],
    ['an unknown baseline', ['deck', 'MODEL', '--out', '@x.pptx', '--baseline', 'Nope'], ['没有名为“Nope”的基准情景']],
    ['a model file that is not there', ['compute', '@missing.json'], ['missing.json：无法读取（文件不存在）']],
    ['snapshots of a file that is not there', ['snapshots', '@missing.costplan'], ['无法读取（文件不存在）']],
  ])('%s', async (_what, argv, names) => {
    await refusedInChinese(argv, names);
  });

  it('a logo larger than 5 MB, a deck of a model without scenarios', async () => {
    await refusedInChinese(['deck', model, '--out', out('x.pptx'), '--logo', bigLogo], ['标志图片', '太大：最多 5.0 MB']);
    await refusedInChinese(['deck', noScenario, '--out', out('x.pptx')], ['模型中还没有情景']);
  });

  it('broken JSON and a model that breaks a rule, with the place in the model', async () => {
    const broken = out('broken.json');
    writeFileSync(broken, '{\n  "name": "x",\n}');
    await refusedInChinese(['compute', broken], ['不是有效的 JSON：第 3 行第 1 列有误']);
    const bad = createExampleModel('zh');
    bad.costTree.find((node) => node.id === 'contact-center-other')!.basis = { kind: 'share', share: 0.25 };
    const badFile = out('bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    await refusedInChinese(['compute', badFile], ['“呼叫中心”下各项占比合计 112%（最多 100%）'], ['costTree["呼叫中心"].children']);
  });

  it('a data folder that cannot be made', async () => {
    const blocker = out('a-file');
    writeFileSync(blocker, '');
    vi.stubEnv('COSTPLAN_DATA_DIR', join(blocker, 'data'));
    await refusedInChinese(['load', model, '--out', out('y.costplan')], ['无法创建数据文件夹', '“COSTPLAN_DATA_DIR”']);
  });

  it('input addresses that cannot be parsed or name nothing', async () => {
    const input = (address: string) => analysis('goal-seek', '--input', address, '--target', '1');
    await refusedInChinese(input('lever:呼叫中心:speed'), ['--input“lever:呼叫中心:speed”：杠杆须为“unitCost”（单价）']);
    await refusedInChinese(input('lever:呼叫中心'), ['杠杆地址须写作“lever:<成本项>:unitCost”']);
    await refusedInChinese(input('leverage'), ['不是可识别的输入地址']);
    await refusedInChinese(input('lever:呼叫中心服务:unitCost'), ['找不到成本项“呼叫中心服务”']);
    await refusedInChinese(input('share:售后服务成本'), ['“售后服务成本”按金额填写，不是上级的占比：请改用“amount:service-cost”']);
    await refusedInChinese(input('amount:呼叫中心'), ['“呼叫中心”按上级的占比填写：请改用“share:contact-center”']);
    await refusedInChinese(input('investment:机器人'), ['情景“目标 15%”中没有投入项“机器人”']);
    await refusedInChinese(input('revenue:合同'), ['找不到收入线“合同”']);
    await refusedInChinese(input('oneOff:库存'), ['情景“目标 15%”中没有一次性项目“库存”']);
  });

  it('analysis options out of range name the option', async () => {
    await refusedInChinese(analysis('tornado', '--swing', '20'), ['--swing：变动幅度须大于 0 且不大于 10']);
    await refusedInChinese(analysis('simulate', '--trials', '1000000', '--seed', '1', '--range', 'growth=0.1,0.2,0.3'), [
      '--trials：模拟次数须为 1 到 100,000 的整数',
    ]);
    await refusedInChinese(analysis('simulate', '--trials', '10', '--seed', '-1', '--range', 'growth=0.1,0.2,0.3'), []);
    await refusedInChinese(analysis('simulate', '--trials', '10', '--seed', '1', '--bins', '0', '--range', 'growth=0.1,0.2,0.3'), ['--bins：分组数须为 1 到']);
    await refusedInChinese(
      analysis('simulate', '--trials', '10', '--seed', '1', '--range', 'share:contact-center=0.1,0.14,0.3'),
      ['--range：', '须不小于 0% 且不大于 14%，输入的是 30%'],
      ['scenarios["目标 15%"].uncertainty["share:contact-center"].high'],
    );
    await refusedInChinese(analysis('data-table', '--input', 'share:contact-center=0.1,0.5'), ['第 2 个取值须不小于 0% 且不大于 14%']);
  });

  it('the same refusal in English without --lang keeps its English words', async () => {
    const result = await run('deck', model, '--out', out('x.pptx'), '--accent', 'blue');
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'error: --accent must be a colour such as 1F6FB2 or #1f6fb2, got "blue"\n' });
    const folder = await run('export', model, '--out', join(dir, 'nowhere', 'x.csv'));
    expect(folder.stderr).toBe(`error: ${join(dir, 'nowhere', 'x.csv')}: cannot write (the folder does not exist)\n`);
    mkdirSync(out('folder.csv'));
    expect((await run('export', model, '--out', out('folder.csv'), '--force')).stderr).toBe(
      `error: ${out('folder.csv')}: cannot write (is a folder, not a file)\n`,
    );
  });
});
