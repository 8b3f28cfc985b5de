import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import type { KeptAmount } from './move';

export type MoveChoice = 'keepShare' | 'keepAmount' | null;

export interface MoveShareQuestion {
  name: string;
  from: string;
  to: string;
  /** The share the line is entered as, and the amounts each choice gives, as shown on screen. */
  shareText: string;
  amountText: string;
  /** The amount the kept share stands for under the new parent. */
  newAmountText: string;
  kept: KeptAmount;
  keptShareText: string;
}

/**
 * Asked when a line entered as a share of its parent moves under another parent: keep the
 * share (its amount follows the new parent) or keep the amount (its share is recomputed).
 * Keep amount is offered only when the new parent can hold that amount.
 */
export function MoveShareDialog({ question, close }: { question: MoveShareQuestion; close: (choice: MoveChoice) => void }) {
  const { t } = useTranslation();
  const { kept } = question;
  return (
    <Dialog
      title={t('structure.moveShare.title', { name: question.name })}
      testId="move-share-dialog"
      onCancel={() => close(null)}
      onSubmit={() => close('keepShare')}
      actions={
        <>
          <button type="button" data-testid="dialog-cancel" onClick={() => close(null)}>
            {t('dialog.cancel')}
          </button>
          <button type="button" data-testid="move-keep-amount" disabled={!kept.ok} onClick={() => close('keepAmount')}>
            {t('structure.moveShare.keepAmount', { amount: question.amountText })}
          </button>
          <button type="submit" className="primary" data-autofocus data-testid="move-keep-share">
            {t('structure.moveShare.keepShare', { share: question.shareText })}
          </button>
        </>
      }
    >
      <p>{t('structure.moveShare.message', { name: question.name, from: question.from, to: question.to, share: question.shareText })}</p>
      <ul className="move-share-choices">
        <li data-testid="move-share-outcome">{t('structure.moveShare.shareOutcome', { share: question.shareText, amount: question.newAmountText })}</li>
        <li data-testid="move-amount-outcome">
          {kept.ok
            ? t('structure.moveShare.amountOutcome', { amount: question.amountText, share: question.keptShareText })
            : t(`structure.moveShare.${kept.reason}`, { amount: question.amountText, to: question.to })}
        </li>
      </ul>
    </Dialog>
  );
}
