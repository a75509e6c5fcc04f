import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CardStatus, ClassificationAxis } from '../../src-shared/cards/card';
import type { CardRow, CardSortColumn } from '../../src-shared/contracts';
import { LIFECYCLE_COLORS, LIFECYCLE_KEYS, VOLUME_TIER_COLORS, VOLUME_TIER_KEYS } from '../classification/class-labels';
import type { StringKey } from '../i18n/dictionary';
import { formatDateTime } from '../ui/format';
import type { CardLabels } from './card-labels';

export const STATUS_COLORS: Record<CardStatus, string> = { active: 'green', archived: 'gray', merged: 'violet' };
export const STATUS_KEYS: Record<CardStatus, StringKey> = {
  active: 'cards.status.active',
  archived: 'cards.status.archived',
  merged: 'cards.status.merged',
};

type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/** One column of the card list: its header, width and how a row's cell reads. */
export interface CardColumn {
  key: CardSortColumn;
  /** A CARD_FIELDS path for the header label, or a string key of our own. */
  header: { path: string } | { key: StringKey };
  /** Grid track, e.g. `120px` or `minmax(220px, 2fr)`. */
  width: string;
  minWidth: number;
  align?: 'right';
  mono?: boolean;
  /** Plain text of the cell (also the tooltip when it is cut off). */
  text: (row: CardRow, labels: CardLabels, t: Translate) => string;
  /** The tooltip, when it should say more than the cell. */
  title?: (row: CardRow, labels: CardLabels) => string;
  /** A richer cell (badges); the text is used when absent. */
  render?: (row: CardRow, labels: CardLabels, t: Translate) => ReactNode;
}

const axis = (key: ClassificationAxis & CardSortColumn, width = 110): CardColumn => ({
  key,
  header: { path: `classification.${key}` },
  width: `${width}px`,
  minWidth: width,
  text: (row, labels) => labels.dictionary(key, row[key]),
});

/** Every column the list can show, in display order. */
export const CARD_COLUMNS: readonly CardColumn[] = [
  { key: 'code', header: { key: 'cards.column.code' }, width: '100px', minWidth: 100, mono: true, text: (r) => r.code },
  {
    key: 'name',
    header: { key: 'cards.column.name' },
    width: 'minmax(200px, 3fr)',
    minWidth: 200,
    text: (r) => r.name,
    // A prospect (潜在客户) is marked beside its name, so the list tells it from a customer.
    render: (r, _labels, t) =>
      r.prospect ? (
        <span className="kd-card-name-prospect">
          <span className="kd-card-truncate">{r.name}</span>
          <Badge size="xs" variant="outline" color="grape" className="kd-badge-whole" data-prospect="true">
            {t('home.prospectTag')}
          </Badge>
        </span>
      ) : (
        <span className="kd-card-truncate">{r.name}</span>
      ),
  },
  { key: 'shortName', header: { path: 'basic.shortName' }, width: '120px', minWidth: 120, text: (r) => r.shortName },
  {
    key: 'creditCode',
    header: { key: 'cards.column.creditCode' },
    width: '180px',
    minWidth: 180,
    mono: true,
    text: (r) => r.creditCode,
  },
  { key: 'contact', header: { key: 'cards.column.contact' }, width: '80px', minWidth: 80, text: (r) => r.contact },
  {
    key: 'phone',
    header: { key: 'cards.column.phone' },
    width: '140px',
    minWidth: 140,
    mono: true,
    text: (r) => r.phone,
  },
  {
    key: 'address',
    header: { path: 'basic.address' },
    width: 'minmax(180px, 2fr)',
    minWidth: 180,
    text: (r) => r.address,
  },
  axis('nature', 100),
  axis('ownership', 110),
  axis('businessType', 100),
  axis('locationType', 110),
  axis('grade', 90),
  axis('creditGrade', 90),
  axis('industry', 120),
  axis('region', 100),
  axis('route', 100),
  {
    key: 'routeOrder',
    header: { key: 'cards.column.routeOrder' },
    width: '70px',
    minWidth: 70,
    align: 'right',
    text: (r) => (r.routeOrder === null ? '' : String(r.routeOrder)),
  },
  {
    key: 'assignedRep',
    header: { key: 'cards.column.assignedRep' },
    width: '90px',
    minWidth: 90,
    // The name alone fits the column; the tooltip and the card show the user name too.
    text: (r, labels) => labels.repName(r.assignedRep),
    title: (r, labels) => labels.rep(r.assignedRep),
  },
  {
    key: 'creditLimit',
    header: { key: 'cards.column.creditLimit' },
    width: '130px',
    minWidth: 130,
    align: 'right',
    text: (r, labels) => labels.value('trading.creditLimit', r.creditLimit),
  },
  {
    key: 'lifecycle',
    header: { key: 'classification.axis.lifecycle' },
    width: '90px',
    minWidth: 90,
    text: (r, _labels, t) => t(LIFECYCLE_KEYS[r.lifecycle]),
    render: (r, _labels, t) => (
      <Badge size="sm" variant="light" color={LIFECYCLE_COLORS[r.lifecycle]} className="kd-badge-whole">
        {t(LIFECYCLE_KEYS[r.lifecycle])}
      </Badge>
    ),
  },
  {
    key: 'volumeTier',
    header: { key: 'classification.axis.volumeTier' },
    width: '90px',
    minWidth: 90,
    text: (r, _labels, t) => t(VOLUME_TIER_KEYS[r.volumeTier]),
    render: (r, _labels, t) => (
      <Badge size="sm" variant="light" color={VOLUME_TIER_COLORS[r.volumeTier]} className="kd-badge-whole">
        {t(VOLUME_TIER_KEYS[r.volumeTier])}
      </Badge>
    ),
  },
  {
    key: 'status',
    header: { key: 'cards.column.status' },
    width: '76px',
    minWidth: 76,
    text: (r, _labels, t) => t(STATUS_KEYS[r.status]),
    render: (r, _labels, t) => (
      <Badge size="sm" variant="light" color={STATUS_COLORS[r.status]} className="kd-badge-whole">
        {t(STATUS_KEYS[r.status])}
      </Badge>
    ),
  },
  {
    key: 'unverified',
    header: { key: 'cards.column.unverified' },
    width: '100px',
    minWidth: 100,
    text: (r, _labels, t) => (r.unverified > 0 ? t('cards.unverifiedCount', { n: r.unverified }) : ''),
    render: (r, _labels, t) =>
      r.unverified > 0 ? (
        <Badge size="sm" variant="light" color="orange" className="kd-badge-whole">
          {t('cards.unverifiedCount', { n: r.unverified })}
        </Badge>
      ) : null,
  },
  {
    key: 'updatedAt',
    header: { key: 'cards.column.updatedAt' },
    width: '150px',
    minWidth: 150,
    mono: true,
    text: (r) => formatDateTime(r.updatedAt).slice(0, 16),
  },
];

/** Shown until the user picks their own columns. */
export const DEFAULT_COLUMNS: readonly CardSortColumn[] = [
  'code',
  'name',
  'contact',
  'phone',
  'nature',
  'grade',
  'assignedRep',
  'unverified',
  'status',
];

/** One choice per user: people sharing an office PC keep their own columns. */
const storageKey = (username: string) => `kedang.cards.columns.${username.toLowerCase()}`;

/** The user's chosen columns on this machine; unknown keys from an older version are dropped. */
export function loadColumns(username: string): CardSortColumn[] {
  try {
    const raw = localStorage.getItem(storageKey(username));
    if (!raw) return [...DEFAULT_COLUMNS];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [...DEFAULT_COLUMNS];
    const known = CARD_COLUMNS.map((c) => c.key).filter((k) => parsed.includes(k));
    return known.length > 0 ? known : [...DEFAULT_COLUMNS];
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}

export function saveColumns(username: string, columns: readonly CardSortColumn[]): void {
  try {
    localStorage.setItem(storageKey(username), JSON.stringify(columns));
  } catch {
    // Storage may be unavailable; the choice still holds for this run.
  }
}
