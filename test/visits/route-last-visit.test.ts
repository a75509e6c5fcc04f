import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src-main/router/connection';
import {
  classificationOffice,
  classifiedCard,
  type ClassificationOffice,
} from '../classification/classification-office';

/** The route sheet's 上次拜访 column comes from the visit reports filed on each stop. */
describe('last visit on a route', () => {
  let o: ClassificationOffice;
  let keeper: Connection;
  let wang: Connection;
  let ids: number[];

  beforeAll(async () => {
    o = await classificationOffice();
    const admin = await o.login('admin');
    keeper = await o.login('keeper');
    wang = await o.login('rep.wang');
    await o.ok(admin, 'classification.saveEntry', {
      create: true,
      axis: 'region',
      code: 'FZ',
      label: '福州',
      labelEn: '',
      parentCode: null,
      active: true,
    });
    await o.ok(admin, 'classification.saveEntry', {
      create: true,
      axis: 'route',
      code: 'FZ-1',
      label: '福州一线',
      labelEn: '',
      parentCode: 'FZ',
      active: true,
    });
    ids = [];
    for (const [n, name] of ['福州甲商行', '福州乙商行'].entries()) {
      const content = classifiedCard(name, { region: 'FZ', route: 'FZ-1', routeOrder: n + 1, assignedRep: 'rep.wang' });
      ids.push((await o.ok(keeper, 'cards.create', { content, acceptDuplicates: true })).id);
    }
  });
  afterAll(async () => o?.close());

  it('shows the latest visit date of each stop, and none for a stop never visited', async () => {
    const report = (visitOn: string) =>
      o.ok(wang, 'visits.submit', {
        subject: 'customer',
        customerId: ids[0]!,
        visitOn,
        period: 'daily',
        urgency: 'routine',
        findings: '例行拜访',
      });
    await report('2026-11-20');
    await report('2026-11-25');
    // An earlier visit filed late does not move the last visit back.
    await report('2026-11-18');
    const route = await o.ok(keeper, 'classification.route', { route: 'FZ-1' });
    expect(route.stops.map((s) => [s.name, s.lastVisitOn])).toEqual([
      ['福州甲商行', '2026-11-25'],
      ['福州乙商行', null],
    ]);
    // The rep reading their own route sees the same.
    const own = await o.ok(wang, 'classification.route', { route: 'FZ-1' });
    expect(own.stops[0]!.lastVisitOn).toBe('2026-11-25');
  });
});
