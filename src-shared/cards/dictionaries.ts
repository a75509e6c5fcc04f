import type { ClassificationAxis } from './card';

/** One value of a classification axis; the code is stored on the card, the label shown. */
export interface DictionaryEntry {
  axis: ClassificationAxis;
  code: string;
  label: string;
  labelEn: string;
  /** For a route: its region's code. */
  parentCode: string | null;
  sortOrder: number;
  active: boolean;
}

type Seed = readonly [code: string, zh: string, en: string];

/**
 * The values the method document names (一.3, 三.2 ①–③), seeded into a new
 * archive. They are dictionaries, not enums: the administrator edits them
 * (issue 4); cards keep the code. Regions, routes and industries are the
 * office's own and start with a small common set.
 */
export const DEFAULT_DICTIONARIES: Record<ClassificationAxis, readonly Seed[]> = {
  nature: [
    ['government', '政府机构', 'Government'],
    ['special', '特殊公司', 'Special company'],
    ['company', '普通公司', 'Company'],
    ['individual', '顾客（个人）', 'Individual'],
    ['partner', '交易伙伴', 'Trading partner'],
  ],
  ownership: [
    ['state', '全民所有制', 'State-owned'],
    ['collective', '集体所有制', 'Collective'],
    ['private', '个体所有制', 'Private'],
    ['joint_stock', '股份制', 'Joint-stock'],
    ['joint_venture', '合资', 'Joint venture'],
  ],
  businessType: [
    ['wholesale', '批发店', 'Wholesale'],
    ['retail', '零售商', 'Retail'],
    ['agent', '代理店', 'Agent'],
    ['franchised', '特约店', 'Franchised'],
    ['chain', '连锁店', 'Chain'],
    ['specialty', '专营店', 'Specialty'],
  ],
  locationType: [
    ['commercial_centre', '商业中心店', 'Commercial centre'],
    ['transport_hub', '交通枢纽店', 'Transport hub'],
    ['residential', '居民区店', 'Residential'],
    ['other', '其他店铺', 'Other'],
  ],
  grade: [
    ['A', 'A 级', 'Grade A'],
    ['B', 'B 级', 'Grade B'],
    ['C', 'C 级', 'Grade C'],
    ['D', 'D 级', 'Grade D'],
  ],
  creditGrade: [
    ['AAA', 'AAA', 'AAA'],
    ['AA', 'AA', 'AA'],
    ['A', 'A', 'A'],
    ['B', 'B', 'B'],
    ['C', 'C', 'C'],
  ],
  industry: [
    ['manufacturing', '制造业', 'Manufacturing'],
    ['wholesale_retail', '批发和零售业', 'Wholesale and retail'],
    ['construction', '建筑业', 'Construction'],
    ['it', '信息技术服务', 'IT services'],
    ['logistics', '交通运输和物流', 'Transport and logistics'],
    ['food', '食品饮料', 'Food and beverage'],
    ['public', '公共管理', 'Public administration'],
    ['other', '其他', 'Other'],
  ],
  region: [],
  route: [],
};
