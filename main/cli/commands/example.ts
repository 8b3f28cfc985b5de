import { createExampleModel } from '../../../shared/model/example';
import { createTemplateModel, isTemplateId, TEMPLATE_IDS } from '../../../shared/model/templates';
import { modelToJson, describeFsError } from '../../io/model-json';
import { writeFileAtomically } from '../../io/write-file';
import { UsageError } from '../errors';
import { requireOut, writeModelFile } from '../write-model';
import type { CommandContext } from '../types';
import { language } from './compute';

export const exampleUsage = `example [--template ${TEMPLATE_IDS.join('|')}] --out FILE.costplan|FILE.json [--lang zh|en] [--force]`;

export async function runExample(context: CommandContext): Promise<void> {
  const { positionals, values } = context.parse({
    out: { type: 'string' },
    lang: { type: 'string' },
    force: { type: 'boolean' },
    template: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}: ${exampleUsage}`);
  const out = requireOut(values['out'], exampleUsage);
  const templateId = values['template'];
  if (templateId !== undefined && !isTemplateId(templateId))
    throw new UsageError(`--template must be one of ${TEMPLATE_IDS.join(', ')}, got ${JSON.stringify(templateId)}`);
  const lang = language(values['lang'], 'zh');
  // Without --template: the built-in example exactly as the app's first run has it.
  const model = templateId === undefined ? createExampleModel(lang) : createTemplateModel(templateId, lang);
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
