export { Dialog, type DialogProps } from './Dialog';
export { DialogProvider, useDialogs, type ConfirmRequest, type MessageRequest, type TextRequest } from './dialogs';
