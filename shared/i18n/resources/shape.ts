import type { analysisEn } from './analysis.en';
import type { cliEn } from './cli.en';
import type { deckEn } from './deck.en';
import type { figuresEn } from './figures.en';
import type { menuEn } from './menu.en';
import type { uiEn } from './ui/en';
import type { workbookEn } from './workbook.en';
import type { workbookClientEn } from './workbook-client.en';
import type { messagesEn } from './messages.en';

/**
 * The shape a translation must have: the English table with every text widened to `string`.
 * i18next plural forms that only English needs (`_one`) are optional, since Chinese has one form.
 */
export type TextShape<T> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : TextShape<T[K]>;
} & { [K in keyof T as K extends `${string}_one` ? K : never]?: string };

export type MessagesText = TextShape<typeof messagesEn>;
export type MenuText = TextShape<typeof menuEn>;
export type DeckText = TextShape<typeof deckEn>;
export type CliText = TextShape<typeof cliEn>;
export type FiguresText = TextShape<typeof figuresEn>;
export type AnalysisText = TextShape<typeof analysisEn>;
export type UiText = TextShape<typeof uiEn>;
export type WorkbookResource = TextShape<typeof workbookEn>;
export type WorkbookClientResource = TextShape<typeof workbookClientEn>;
