import type { i18n } from 'i18next';
export function StaffApp(_props: { i18n: i18n }) {
  return <div id="staff" />;
}
