import { SECTION_KEYS, type SectionKey } from '../../../src-shared/cards/card';
import {
  PERSON_FIELDS,
  PERSON_ROLE_LABELS,
  SECTION_LABELS_EN,
  SECTION_LABELS_ZH,
  SOURCE_LABELS,
  type CardField,
} from '../../../src-shared/cards/card-fields';
import type { CardDto } from '../../../src-shared/contracts/cards';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../ui/format';
import {
  EMPTY,
  pageName,
  personValue,
  printedValue,
  sectionGrid,
  type DictionaryLabels,
  type RunningMarks,
} from './card-print-layout';

/**
 * One archive card (客户档案卡) as it goes on paper: the header with name,
 * code, status and version, then the method's sections in order (基础资料,
 * 人员, 客户特征, 业务状况, 交易与信用) each with its source and verification
 * mark, and the classification. On screen it is drawn as an A4 sheet with the
 * running header and footer the printer puts in the page margins.
 */
export function CardPrintSheet({
  card,
  copyNo,
  index,
  archiveName,
  marks,
  labels,
}: {
  card: CardDto;
  copyNo: number;
  index: number;
  archiveName: string;
  marks: RunningMarks;
  labels: DictionaryLabels;
}) {
  const { t, language } = useI18n();
  const { content } = card;
  const numerals = t('cardPrint.numerals').split(',');
  const sectionTitle = (i: number, title: string) =>
    t('cardPrint.sectionHeading', { no: numerals[i] ?? String(i + 1), title });
  const sectionLabel = (k: SectionKey) => (language === 'en' ? SECTION_LABELS_EN[k] : SECTION_LABELS_ZH[k]);
  const fieldLabel = (f: CardField) => (language === 'en' ? f.en : f.zh);

  const statusText =
    card.status === 'merged' && card.mergedInto
      ? `${t('cardPrint.status.merged')}（${t('cardPrint.mergedInto', { code: card.mergedInto.code, name: card.mergedInto.name })}）`
      : t(`cardPrint.status.${card.status}`);

  function sourceMark(k: SectionKey) {
    const s = content.sources[k];
    const source = t('cardPrint.source', { source: SOURCE_LABELS[s.source][language] });
    const verified = s.verified
      ? t('cardPrint.verified', { by: s.verifiedBy ?? EMPTY, at: formatDateTime(s.verifiedAt).slice(0, 16) || EMPTY })
      : t('cardPrint.unverified');
    return (
      <span className="kd-cp-source">
        {source}
        <span className={s.verified ? 'kd-cp-verified' : 'kd-cp-unverified'}>{verified}</span>
      </span>
    );
  }

  function grid(section: SectionKey | 'classification') {
    return (
      <table className="kd-cp-grid">
        <colgroup>
          <col className="kd-cp-col-label" />
          <col className="kd-cp-col-value" />
          <col className="kd-cp-col-label" />
          <col className="kd-cp-col-value" />
        </colgroup>
        <tbody>
          {sectionGrid(section).map((row) =>
            'wide' in row ? (
              <tr key={row.wide.path} data-field={row.wide.path}>
                <th scope="row">{fieldLabel(row.wide)}</th>
                <td colSpan={3} className="kd-cp-text">
                  {printedValue(content, row.wide, labels)}
                </td>
              </tr>
            ) : (
              <tr key={row.left.path}>
                <th scope="row">{fieldLabel(row.left)}</th>
                <td data-field={row.left.path}>{printedValue(content, row.left, labels)}</td>
                {row.right ? (
                  <>
                    <th scope="row">{fieldLabel(row.right)}</th>
                    <td data-field={row.right.path}>{printedValue(content, row.right, labels)}</td>
                  </>
                ) : (
                  <td colSpan={2} className="kd-cp-blank" />
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
    );
  }

  const personal = PERSON_FIELDS.filter((f) => f.personal);
  const peopleTable = (
    <table className="kd-cp-people">
      <colgroup>
        <col className="kd-cp-col-role" />
        <col className="kd-cp-col-person" />
        <col className="kd-cp-col-title" />
        <col className="kd-cp-col-phone" />
        <col />
      </colgroup>
      <thead>
        <tr>
          {PERSON_FIELDS.filter((f) => !f.personal).map((f) => (
            <th key={f.key} scope="col">
              {f[language]}
            </th>
          ))}
          <th scope="col">{t('cardPrint.personal')}</th>
        </tr>
      </thead>
      <tbody>
        {content.people.length === 0 ? (
          <tr>
            <td colSpan={5} className="kd-cp-none">
              {t('cardPrint.noPeople')}
            </td>
          </tr>
        ) : (
          content.people.map((person, i) => (
            <tr key={i}>
              <td>{PERSON_ROLE_LABELS[person.role][language]}</td>
              <td>{personValue(person.name)}</td>
              <td>{personValue(person.title)}</td>
              <td>{personValue(person.phone)}</td>
              <td className="kd-cp-text">
                {card.personalMasked ? (
                  <span className="kd-cp-hidden">{t('cardPrint.hidden')}</span>
                ) : (
                  personal.map((f) => (
                    <span key={f.key} className="kd-cp-note">
                      <span className="kd-cp-note-label">
                        {f[language]}
                        {t('common.colon')}
                      </span>
                      {personValue(person[f.key] as string | number | null)}
                    </span>
                  ))
                )}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );

  return (
    <article
      className="kd-cp-sheet"
      style={{ page: pageName(index) }}
      data-card-id={card.id}
      data-copy-no={copyNo}
      aria-label={`${t('cardPrint.cardTitle')} ${content.basic.code}`}
    >
      <div className="kd-print-running-head" aria-hidden="true">
        <span>{marks.confidential}</span>
        <span>{marks.copy}</span>
      </div>

      <header className="kd-cp-head">
        <div className="kd-cp-archive">{archiveName}</div>
        <h1>{t('cardPrint.cardTitle')}</h1>
        <div className="kd-cp-copy">{t('cardPrint.copyNo', { n: copyNo })}</div>
      </header>

      <table className="kd-cp-ident">
        <tbody>
          <tr>
            <th scope="row">{t('cardPrint.name')}</th>
            <td colSpan={3} className="kd-cp-name">
              {content.basic.name || EMPTY}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('cardPrint.code')}</th>
            <td className="kd-cp-code">{content.basic.code || EMPTY}</td>
            <th scope="row">{t('cardPrint.status')}</th>
            <td>{statusText}</td>
          </tr>
          <tr>
            <th scope="row">{t('cardPrint.version')}</th>
            <td colSpan={3}>
              {t('cardPrint.versionValue', { n: card.version, date: formatDateTime(card.updatedAt).slice(0, 10) })}
            </td>
          </tr>
        </tbody>
      </table>

      {SECTION_KEYS.map((k, i) => (
        <section key={k} className="kd-cp-section" data-section={k}>
          <h2 className="kd-cp-section-head">
            <span>{sectionTitle(i, sectionLabel(k))}</span>
            {sourceMark(k)}
          </h2>
          {k === 'people' ? peopleTable : grid(k)}
        </section>
      ))}

      <section className="kd-cp-section" data-section="classification">
        <h2 className="kd-cp-section-head">
          <span>{sectionTitle(SECTION_KEYS.length, t('cardPrint.classification'))}</span>
        </h2>
        {grid('classification')}
      </section>

      <div className="kd-print-running-foot" aria-hidden="true">
        <span>{marks.printed}</span>
      </div>
    </article>
  );
}
