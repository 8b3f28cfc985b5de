import { createExampleModel } from '../../../shared/model/example';
import { createTemplateModel, isTemplateId, TEMPLATE_IDS } from '../../../shared/model/templates';
import { modelToJson } from '../../io/model-json';
import { problem } from '../../../shared/messages/problems';
import { writeFileAtomically } from '../../io/write-file';
import { UsageError } from '../errors';
import { cannotWrite, requireOut, writeModelFile } from '../write-model';
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
  if (positionals.length > 0) throw new UsageError(problem('unexpected-argument', { argument: positionals[0]!, usage: exampleUsage }));
  const out = requireOut(values['out'], exampleUsage);
  const templateId = values['template'];
  if (templateId !== undefined && !isTemplateId(templateId))
    throw new UsageError(problem('option-choice', { option: '--template', value: String(templateId), choices: [...TEMPLATE_IDS] }));
  const lang = language(values['lang'], 'zh');
  // Without --template: the built-in example exactly as the app's first run has it.
  const model = templateId === undefined ? createExampleModel(lang) : createTemplateModel(templateId, lang);
  if (out.endsWith('.json')) {
    try {
      writeFileAtomically(out, modelToJson(model));
    } catch (error) {
      throw cannotWrite(out, error);
    }
  } else {
    await writeModelFile(out, model, values['force'] === true);
  }
  context.out(`wrote ${out}\n`);
}
