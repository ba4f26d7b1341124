import { useI18n } from '../../i18n.js';

/** "Exporter l'archive" on the campaign page (administrators): the browser downloads the file. */
export function CampaignArchiveExportLink({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  return (
    <a
      className="button"
      href={`/api/campaigns/${encodeURIComponent(campaignId)}/archive`}
      download
      title={t('campaignArchive.exportHint')}
    >
      {t('campaignArchive.export')}
    </a>
  );
}
