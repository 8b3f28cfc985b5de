import type { TextShape } from '../shape';
import type { apiMessagesEn } from './api.en';

/** api 方面的问题（见 shared/messages/codes/api.ts）的中文措辞。 */
export const apiMessagesZh: TextShape<typeof apiMessagesEn> = {
  'no-model': '没有打开的模型：请先打开或新建一个文件',
};
