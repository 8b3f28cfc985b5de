/**
 * Problems worded in English: one text per problem code of shared/messages/problems.ts.
 * Placeholders ({{name}}) take parameters already formatted for the reader (amounts in the
 * display unit with their unit, ratios as percentages); shared/messages/render.ts formats them.
 */
export const messagesEn = {
  other: '{{text}}',
};
