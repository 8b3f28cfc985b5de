/** Problems of the api area (shared/messages/codes/api.ts) worded in English. */
export const apiMessagesEn = {
  'no-model': 'no model is open: open a file or create one first',
};
