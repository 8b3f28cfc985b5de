import type { MessagesText } from './shape';

/** 问题的中文措辞：每个问题代码一条（见 shared/messages/problems.ts）。 */
export const messagesZh: MessagesText = {
  other: '{{text}}',
};
