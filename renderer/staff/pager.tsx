/** 上一页 · 第 1–100 条，共 243 条 · 下一页, under every list of the console. */
import { useTranslation } from 'react-i18next';

export function Pager({
  offset,
  size,
  total,
  onOffset,
  testId,
}: {
  offset: number;
  size: number;
  total: number;
  onOffset: (offset: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="row pager" data-testid={testId}>
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - size))}
        data-testid={`${testId}-prev`}
      >
        {t('staff.pager.prev')}
      </button>
      <span data-testid={`${testId}-range`}>
        {t('staff.pager.range', { from: total === 0 ? 0 : offset + 1, to: Math.min(offset + size, total), total })}
      </span>
      <button
        type="button"
        disabled={offset + size >= total}
        onClick={() => onOffset(offset + size)}
        data-testid={`${testId}-next`}
      >
        {t('staff.pager.next')}
      </button>
    </div>
  );
}
