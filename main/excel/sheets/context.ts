import type { ModelResult } from '../../../shared/engine/compute';
import type { PreparedTree } from '../../../shared/engine/tree';
import type { Model, Scenario } from '../../../shared/model/schema';
import type { Language } from '../../../shared/model/units';
import type { ClientWords, WorkbookWords } from '../../../shared/workbook/words';
import type { WorkbookLayout } from '../layout';
import type { Palette } from '../styles';
import type { WorkbookWriter } from '../xlsx-writer';

/** Everything a sheet builder needs: the model, the engine's results, the layout, the look. */
export interface SheetContext {
  writer: WorkbookWriter;
  model: Model;
  /** The exported scenarios, in sheet order. */
  scenarios: readonly Scenario[];
  tree: PreparedTree;
  results: ModelResult;
  layout: WorkbookLayout;
  palette: Palette;
  language: Language;
  /** The workbook's words in the export's language (`{{u}}` as the `{unit}` marker that label() fills). */
  text: WorkbookWords;
  /** The client-facing words (cover, checks, assumptions, charts, input messages, print). */
  client: ClientWords;
  /** The export date, YYYY-MM-DD. */
  date: string;
  appVersion: string;
  /** The cell on the Checks sheet that counts the failing checks (absolute, with its sheet). */
  checksTotal: string;
  /** The display unit as headers show it (万元, "10k yuan"). */
  unit: string;
  /** Base currency units per display unit: amounts are written as amount / factor. */
  unitFactor: number;
}

/** A label with the unit filled in. */
export function label(context: SheetContext, template: string): string {
  return template.replaceAll('{unit}', context.unit);
}

/** Header and footer of every printed page: model name, sheet, date; page x of y. */
export function printSetup(
  context: SheetContext,
  titleRows?: readonly [number, number],
  fitWidth = false,
): {
  titleRows?: readonly [number, number];
  fitWidth: boolean;
  header: string;
  footer: string;
} {
  // "&" starts a code in a header: a model name's own ampersands are doubled.
  const model = context.model.name.replace(/&/gu, '&&');
  return {
    ...(titleRows ? { titleRows } : {}),
    fitWidth,
    header: context.client('print.header', { model, date: context.date }),
    footer: context.client('print.footer'),
  };
}
