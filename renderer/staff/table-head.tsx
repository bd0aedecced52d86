import { useTranslation } from 'react-i18next';

/**
 * A console table's header row: one `<th>` per column, '' for a column of buttons. Columns are
 * labels, or with `scope` the keys of their labels under it (`scope="staff.postings.col"`).
 */
export function TableHead({ columns, scope }: { columns: readonly string[]; scope?: string }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th key={i}>{scope && column !== '' ? t(`${scope}.${column}`) : column}</th>
        ))}
      </tr>
    </thead>
  );
}
