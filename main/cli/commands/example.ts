import { createExampleModel } from '../../../shared/model/example';
import { modelToJson, writeFileAtomic, describeFsError } from '../../io/model-json';
import { UsageError } from '../errors';
import type { CommandContext } from '../types';
import { language } from './compute';

export const exampleUsage = 'example --out FILE.json [--lang zh|en]';

export function runExample(context: CommandContext): void {
  const { positionals, values } = context.parse({ out: { type: 'string' }, lang: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}: ${exampleUsage}`);
  const out = values['out'];
  if (typeof out !== 'string' || out === '') throw new UsageError(`--out FILE is required: ${exampleUsage}`);
  const model = createExampleModel(language(values['lang'], 'zh'));
  if (!out.endsWith('.json')) throw new UsageError(`${out}: the example is written as .json`);
  try {
    writeFileAtomic(out, modelToJson(model));
  } catch (error) {
    throw new UsageError(`${out}: cannot write (${describeFsError(error)})`);
  }
  context.out(`wrote ${out}\n`);
}
