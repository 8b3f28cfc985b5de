import { createExampleModel } from '../../../shared/model/example';
import { modelToJson, describeFsError } from '../../io/model-json';
import { writeFileAtomically } from '../../io/write-file';
import { UsageError } from '../errors';
import { requireOut, writeModelFile } from '../write-model';
import type { CommandContext } from '../types';
import { language } from './compute';

export const exampleUsage = 'example --out FILE.costplan|FILE.json [--lang zh|en] [--force]';

export async function runExample(context: CommandContext): Promise<void> {
  const { positionals, values } = context.parse({ out: { type: 'string' }, lang: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}: ${exampleUsage}`);
  const out = requireOut(values['out'], exampleUsage);
  const model = createExampleModel(language(values['lang'], 'zh'));
  if (out.endsWith('.json')) {
    try {
      writeFileAtomically(out, modelToJson(model));
    } catch (error) {
      throw new UsageError(`${out}: cannot write (${describeFsError(error)})`);
    }
  } else {
    await writeModelFile(out, model, values['force'] === true);
  }
  context.out(`wrote ${out}\n`);
}
