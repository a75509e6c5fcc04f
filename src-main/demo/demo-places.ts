/**
 * Where the demo customers are: cities with their province, telephone area
 * code, districts with their administrative division codes (GB/T 2260, the
 * six digits inside a unified social credit code), and the sales regions
 * and routes an office would divide them into (method 三.2 ③: 区域, then
 * routes within a region, with a route order for visits and deliveries).
 */
import { pinyin } from 'pinyin-pro';

export interface DemoDistrict {
  name: string;
  /** GB/T 2260 division code. */
  division: string;
}

export interface DemoCity {
  /** Without 市, e.g. 北京. */
  name: string;
  /** '' for the four municipalities, whose addresses start with the city. */
  province: string;
  areaCode: string;
  /** Digits of a local landline number after the area code. */
  localDigits: 7 | 8;
  /** How many customers the office has there, relative to the others. */
  weight: number;
  region: string;
  districts: readonly DemoDistrict[];
}

export interface DemoRegion {
  code: string;
  label: string;
  labelEn: string;
}

export interface DemoRoute {
  code: string;
  /** The region entry the route hangs under: its city, or the district a route of its own serves. */
  parent: string;
  /** The sales area (the top of the region tree) it lies in. */
  area: string;
  label: string;
  labelEn: string;
  /** City, or city/district when a large city is split between routes. */
  covers: readonly string[];
}

/** One entry of the demo region tree: a sales area, a city under it, or a district under a city. */
export interface DemoRegionEntry {
  code: string;
  label: string;
  labelEn: string;
  parent: string | null;
}

const d = (name: string, division: string): DemoDistrict => ({ name, division });

export const DEMO_REGIONS: readonly DemoRegion[] = [
  { code: 'HB', label: '华北区', labelEn: 'North China' },
  { code: 'DB', label: '东北区', labelEn: 'Northeast' },
  { code: 'HD', label: '华东区', labelEn: 'East China' },
  { code: 'HZ', label: '华中区', labelEn: 'Central China' },
  { code: 'HN', label: '华南区', labelEn: 'South China' },
  { code: 'XN', label: '西南区', labelEn: 'Southwest' },
  { code: 'XB', label: '西北区', labelEn: 'Northwest' },
];

export const DEMO_CITIES: readonly DemoCity[] = [
  {
    name: '北京',
    province: '',
    areaCode: '010',
    localDigits: 8,
    weight: 8,
    region: 'HB',
    districts: [
      d('东城区', '110101'),
      d('西城区', '110102'),
      d('朝阳区', '110105'),
      d('丰台区', '110106'),
      d('海淀区', '110108'),
      d('通州区', '110112'),
    ],
  },
  {
    name: '天津',
    province: '',
    areaCode: '022',
    localDigits: 8,
    weight: 3,
    region: 'HB',
    districts: [d('和平区', '120101'), d('河西区', '120103'), d('南开区', '120104'), d('滨海新区', '120116')],
  },
  {
    name: '石家庄',
    province: '河北省',
    areaCode: '0311',
    localDigits: 8,
    weight: 2,
    region: 'HB',
    districts: [d('长安区', '130102'), d('桥西区', '130104'), d('新华区', '130105'), d('裕华区', '130108')],
  },
  {
    name: '太原',
    province: '山西省',
    areaCode: '0351',
    localDigits: 7,
    weight: 1.5,
    region: 'HB',
    districts: [d('小店区', '140105'), d('迎泽区', '140106'), d('杏花岭区', '140107')],
  },
  {
    name: '呼和浩特',
    province: '内蒙古自治区',
    areaCode: '0471',
    localDigits: 7,
    weight: 1,
    region: 'HB',
    districts: [d('新城区', '150102'), d('回民区', '150103'), d('赛罕区', '150105')],
  },
  {
    name: '沈阳',
    province: '辽宁省',
    areaCode: '024',
    localDigits: 8,
    weight: 2.5,
    region: 'DB',
    districts: [d('和平区', '210102'), d('沈河区', '210103'), d('皇姑区', '210105'), d('铁西区', '210106')],
  },
  {
    name: '大连',
    province: '辽宁省',
    areaCode: '0411',
    localDigits: 8,
    weight: 2,
    region: 'DB',
    districts: [d('中山区', '210202'), d('西岗区', '210203'), d('沙河口区', '210204'), d('甘井子区', '210211')],
  },
  {
    name: '长春',
    province: '吉林省',
    areaCode: '0431',
    localDigits: 8,
    weight: 1.5,
    region: 'DB',
    districts: [d('南关区', '220102'), d('朝阳区', '220104'), d('绿园区', '220106')],
  },
  {
    name: '哈尔滨',
    province: '黑龙江省',
    areaCode: '0451',
    localDigits: 8,
    weight: 2,
    region: 'DB',
    districts: [d('道里区', '230102'), d('南岗区', '230103'), d('道外区', '230104'), d('香坊区', '230110')],
  },
  {
    name: '上海',
    province: '',
    areaCode: '021',
    localDigits: 8,
    weight: 9,
    region: 'HD',
    districts: [
      d('黄浦区', '310101'),
      d('徐汇区', '310104'),
      d('长宁区', '310105'),
      d('静安区', '310106'),
      d('普陀区', '310107'),
      d('闵行区', '310112'),
      d('浦东新区', '310115'),
    ],
  },
  {
    name: '南京',
    province: '江苏省',
    areaCode: '025',
    localDigits: 8,
    weight: 4,
    region: 'HD',
    districts: [
      d('玄武区', '320102'),
      d('秦淮区', '320104'),
      d('建邺区', '320105'),
      d('鼓楼区', '320106'),
      d('江宁区', '320115'),
    ],
  },
  {
    name: '无锡',
    province: '江苏省',
    areaCode: '0510',
    localDigits: 8,
    weight: 2,
    region: 'HD',
    districts: [d('滨湖区', '320211'), d('梁溪区', '320213'), d('新吴区', '320214')],
  },
  {
    name: '苏州',
    province: '江苏省',
    areaCode: '0512',
    localDigits: 8,
    weight: 4,
    region: 'HD',
    districts: [d('虎丘区', '320505'), d('吴中区', '320506'), d('相城区', '320507'), d('姑苏区', '320508')],
  },
  {
    name: '杭州',
    province: '浙江省',
    areaCode: '0571',
    localDigits: 8,
    weight: 5,
    region: 'HD',
    districts: [
      d('上城区', '330102'),
      d('拱墅区', '330105'),
      d('西湖区', '330106'),
      d('滨江区', '330108'),
      d('萧山区', '330109'),
    ],
  },
  {
    name: '宁波',
    province: '浙江省',
    areaCode: '0574',
    localDigits: 8,
    weight: 2.5,
    region: 'HD',
    districts: [d('海曙区', '330203'), d('江北区', '330205'), d('鄞州区', '330212')],
  },
  {
    name: '温州',
    province: '浙江省',
    areaCode: '0577',
    localDigits: 8,
    weight: 2,
    region: 'HD',
    districts: [d('鹿城区', '330302'), d('龙湾区', '330303'), d('瓯海区', '330304')],
  },
  {
    name: '合肥',
    province: '安徽省',
    areaCode: '0551',
    localDigits: 8,
    weight: 2,
    region: 'HD',
    districts: [d('瑶海区', '340102'), d('庐阳区', '340103'), d('蜀山区', '340104'), d('包河区', '340111')],
  },
  {
    name: '福州',
    province: '福建省',
    areaCode: '0591',
    localDigits: 8,
    weight: 1.5,
    region: 'HD',
    districts: [d('鼓楼区', '350102'), d('台江区', '350103'), d('仓山区', '350104')],
  },
  {
    name: '厦门',
    province: '福建省',
    areaCode: '0592',
    localDigits: 7,
    weight: 1.5,
    region: 'HD',
    districts: [d('思明区', '350203'), d('湖里区', '350206'), d('集美区', '350211')],
  },
  {
    name: '南昌',
    province: '江西省',
    areaCode: '0791',
    localDigits: 8,
    weight: 1.5,
    region: 'HD',
    districts: [d('东湖区', '360102'), d('西湖区', '360103'), d('青山湖区', '360111')],
  },
  {
    name: '济南',
    province: '山东省',
    areaCode: '0531',
    localDigits: 8,
    weight: 2.5,
    region: 'HD',
    districts: [
      d('历下区', '370102'),
      d('市中区', '370103'),
      d('槐荫区', '370104'),
      d('天桥区', '370105'),
      d('历城区', '370112'),
    ],
  },
  {
    name: '青岛',
    province: '山东省',
    areaCode: '0532',
    localDigits: 8,
    weight: 2.5,
    region: 'HD',
    districts: [
      d('市南区', '370202'),
      d('市北区', '370203'),
      d('黄岛区', '370211'),
      d('崂山区', '370212'),
      d('李沧区', '370213'),
    ],
  },
  {
    name: '郑州',
    province: '河南省',
    areaCode: '0371',
    localDigits: 8,
    weight: 3,
    region: 'HZ',
    districts: [d('中原区', '410102'), d('二七区', '410103'), d('管城回族区', '410104'), d('金水区', '410105')],
  },
  {
    name: '武汉',
    province: '湖北省',
    areaCode: '027',
    localDigits: 8,
    weight: 4,
    region: 'HZ',
    districts: [
      d('江岸区', '420102'),
      d('江汉区', '420103'),
      d('硚口区', '420104'),
      d('武昌区', '420106'),
      d('洪山区', '420111'),
    ],
  },
  {
    name: '长沙',
    province: '湖南省',
    areaCode: '0731',
    localDigits: 8,
    weight: 3,
    region: 'HZ',
    districts: [
      d('芙蓉区', '430102'),
      d('天心区', '430103'),
      d('岳麓区', '430104'),
      d('开福区', '430105'),
      d('雨花区', '430111'),
    ],
  },
  {
    name: '广州',
    province: '广东省',
    areaCode: '020',
    localDigits: 8,
    weight: 6,
    region: 'HN',
    districts: [
      d('荔湾区', '440103'),
      d('越秀区', '440104'),
      d('海珠区', '440105'),
      d('天河区', '440106'),
      d('白云区', '440111'),
      d('番禺区', '440113'),
    ],
  },
  {
    name: '深圳',
    province: '广东省',
    areaCode: '0755',
    localDigits: 8,
    weight: 6,
    region: 'HN',
    districts: [
      d('罗湖区', '440303'),
      d('福田区', '440304'),
      d('南山区', '440305'),
      d('宝安区', '440306'),
      d('龙岗区', '440307'),
    ],
  },
  {
    name: '佛山',
    province: '广东省',
    areaCode: '0757',
    localDigits: 8,
    weight: 2.5,
    region: 'HN',
    districts: [d('禅城区', '440604'), d('南海区', '440605'), d('顺德区', '440606')],
  },
  {
    name: '东莞',
    province: '广东省',
    areaCode: '0769',
    localDigits: 8,
    weight: 2.5,
    region: 'HN',
    // 东莞 has no districts: towns and streets directly under the city share its division code.
    districts: [d('南城街道', '441900'), d('东城街道', '441900'), d('长安镇', '441900'), d('虎门镇', '441900')],
  },
  {
    name: '南宁',
    province: '广西壮族自治区',
    areaCode: '0771',
    localDigits: 7,
    weight: 1.5,
    region: 'HN',
    districts: [d('兴宁区', '450102'), d('青秀区', '450103'), d('江南区', '450105'), d('西乡塘区', '450107')],
  },
  {
    name: '海口',
    province: '海南省',
    areaCode: '0898',
    localDigits: 8,
    weight: 1,
    region: 'HN',
    districts: [d('秀英区', '460105'), d('龙华区', '460106'), d('琼山区', '460107'), d('美兰区', '460108')],
  },
  {
    name: '重庆',
    province: '',
    areaCode: '023',
    localDigits: 8,
    weight: 3.5,
    region: 'XN',
    districts: [
      d('渝中区', '500103'),
      d('江北区', '500105'),
      d('沙坪坝区', '500106'),
      d('九龙坡区', '500107'),
      d('南岸区', '500108'),
      d('渝北区', '500112'),
    ],
  },
  {
    name: '成都',
    province: '四川省',
    areaCode: '028',
    localDigits: 8,
    weight: 4,
    region: 'XN',
    districts: [
      d('锦江区', '510104'),
      d('青羊区', '510105'),
      d('金牛区', '510106'),
      d('武侯区', '510107'),
      d('成华区', '510108'),
    ],
  },
  {
    name: '贵阳',
    province: '贵州省',
    areaCode: '0851',
    localDigits: 8,
    weight: 1.5,
    region: 'XN',
    districts: [d('南明区', '520102'), d('云岩区', '520103'), d('观山湖区', '520115')],
  },
  {
    name: '昆明',
    province: '云南省',
    areaCode: '0871',
    localDigits: 8,
    weight: 2,
    region: 'XN',
    districts: [d('五华区', '530102'), d('盘龙区', '530103'), d('官渡区', '530111'), d('西山区', '530112')],
  },
  {
    name: '西安',
    province: '陕西省',
    areaCode: '029',
    localDigits: 8,
    weight: 3,
    region: 'XB',
    districts: [
      d('新城区', '610102'),
      d('碑林区', '610103'),
      d('莲湖区', '610104'),
      d('未央区', '610112'),
      d('雁塔区', '610113'),
    ],
  },
  {
    name: '兰州',
    province: '甘肃省',
    areaCode: '0931',
    localDigits: 7,
    weight: 1.2,
    region: 'XB',
    districts: [d('城关区', '620102'), d('七里河区', '620103'), d('安宁区', '620105')],
  },
  {
    name: '西宁',
    province: '青海省',
    areaCode: '0971',
    localDigits: 7,
    weight: 0.6,
    region: 'XB',
    districts: [d('城东区', '630102'), d('城中区', '630103'), d('城西区', '630104')],
  },
  {
    name: '银川',
    province: '宁夏回族自治区',
    areaCode: '0951',
    localDigits: 7,
    weight: 0.7,
    region: 'XB',
    districts: [d('兴庆区', '640104'), d('西夏区', '640105'), d('金凤区', '640106')],
  },
  {
    name: '乌鲁木齐',
    province: '新疆维吾尔自治区',
    areaCode: '0991',
    localDigits: 7,
    weight: 1,
    region: 'XB',
    districts: [d('天山区', '650102'), d('沙依巴克区', '650103'), d('新市区', '650104')],
  },
];

/** The two largest cities are split between routes; Pudong has a route of its own under its district. */
const SPLIT_ROUTES: Record<
  string,
  readonly { label: string; labelEn: string; districts: readonly string[]; underDistrict?: boolean }[]
> = {
  北京: [
    { label: '京东线', labelEn: 'Beijing east', districts: ['东城区', '朝阳区', '通州区'] },
    { label: '京西线', labelEn: 'Beijing west', districts: ['西城区', '海淀区', '丰台区'] },
  ],
  上海: [
    {
      label: '沪西线',
      labelEn: 'Shanghai Puxi',
      districts: ['黄浦区', '徐汇区', '长宁区', '静安区', '普陀区', '闵行区'],
    },
    { label: '浦东线', labelEn: 'Pudong', districts: ['浦东新区'], underDistrict: true },
  ],
};

/** A place name in pinyin with a capital, its administrative suffix in English: 朝阳区 → Chaoyang District. */
function englishName(name: string): string {
  const suffix = /(新区|区|街道|镇|县)$/.exec(name)?.[1];
  const stem = suffix ? name.slice(0, -suffix.length) : name.replace(/市$/, '');
  const words = pinyin(stem, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const capitalised = words.charAt(0).toUpperCase() + words.slice(1);
  const english: Record<string, string> = {
    新区: ' New Area',
    区: ' District',
    街道: ' Subdistrict',
    镇: ' Town',
    县: ' County',
  };
  return capitalised + (suffix ? english[suffix] : '');
}

/** A city's GB/T 2260 code: its districts' first four digits and 00 (北京 110100, 杭州 330100). */
export function cityCode(city: DemoCity): string {
  return `${city.districts[0]!.division.slice(0, 4)}00`;
}

/**
 * The region a card in this district is filed under: the district, or the
 * city where its towns and streets have no division code of their own
 * (东莞).
 */
export function regionCodeOf(city: DemoCity, district: DemoDistrict): string {
  return district.division === cityCode(city) ? cityCode(city) : district.division;
}

function cityLabel(city: DemoCity): string {
  return city.name === '东莞' ? '东莞市' : `${city.name}市`;
}

/**
 * The office's region tree (method 三.2 ③: regions, then routes within a
 * region): its seven sales areas at the top, their cities under them and
 * the cities' districts under those, coded by GB/T 2260 where a place has
 * a code (cities 110100, districts 110105); the areas keep the office's
 * own codes (HB, HD…).
 */
export const DEMO_REGION_TREE: readonly DemoRegionEntry[] = DEMO_REGIONS.flatMap((area) => [
  { code: area.code, label: area.label, labelEn: area.labelEn, parent: null },
  ...DEMO_CITIES.filter((c) => c.region === area.code).flatMap((city) => [
    { code: cityCode(city), label: cityLabel(city), labelEn: englishName(city.name), parent: area.code },
    ...city.districts
      .filter((district) => regionCodeOf(city, district) !== cityCode(city))
      .map((district) => ({
        code: district.division,
        label: district.name,
        labelEn: englishName(district.name),
        parent: cityCode(city),
      })),
  ]),
]);

/**
 * The routes: one per city, hanging under the city, except the two largest
 * cities, split by district (Pudong's route under its own district).
 * Numbered within each sales area (HB-01, HB-02…), in the order of the tree.
 */
export const DEMO_ROUTES: readonly DemoRoute[] = DEMO_REGIONS.flatMap((area) => {
  const routes: DemoRoute[] = [];
  const next = (parent: string, label: string, labelEn: string, covers: readonly string[]) =>
    routes.push({
      code: `${area.code}-${String(routes.length + 1).padStart(2, '0')}`,
      parent,
      area: area.code,
      label,
      labelEn,
      covers,
    });
  for (const city of DEMO_CITIES.filter((c) => c.region === area.code)) {
    const split = SPLIT_ROUTES[city.name];
    if (!split) {
      next(cityCode(city), `${city.name}线`, `${englishName(city.name)} route`, [city.name]);
      continue;
    }
    for (const part of split) {
      const districts = part.districts.map((name) => city.districts.find((d) => d.name === name)!);
      const parent = part.underDistrict ? regionCodeOf(city, districts[0]!) : cityCode(city);
      next(
        parent,
        part.label,
        part.labelEn,
        part.districts.map((name) => `${city.name}/${name}`),
      );
    }
  }
  return routes;
});

/** The route that serves a city's district. */
export function routeFor(city: DemoCity, district: DemoDistrict): DemoRoute {
  const route =
    DEMO_ROUTES.find((r) => r.covers.includes(`${city.name}/${district.name}`)) ??
    DEMO_ROUTES.find((r) => r.covers.includes(city.name));
  if (!route) throw new Error(`no demo route covers ${city.name}`);
  return route;
}

export const DEMO_ROADS = [
  '人民路',
  '解放路',
  '中山路',
  '建设路',
  '和平路',
  '胜利路',
  '新华路',
  '长江路',
  '黄河路',
  '工业大道',
  '科技路',
  '商业街',
  '滨河路',
  '迎宾大道',
  '文化路',
  '光明路',
  '幸福路',
  '东风路',
  '青年路',
  '花园路',
  '体育路',
  '金融街',
  '经济技术开发区创业路',
  '高新区科技园路',
  '站前路',
  '环城北路',
  '环城南路',
  '府前街',
  '农贸路',
  '物流园大道',
] as const;

export const DEMO_OFFICE_BUILDINGS = [
  '国际商务中心',
  '财富大厦',
  '科技园',
  '金融大厦',
  '时代广场',
  '创业大厦',
  '商会大厦',
  '写字楼',
] as const;

export const DEMO_MARKETS = ['商贸城', '电子城', '建材市场', '小商品批发市场', '农副产品批发市场', '汽配城'] as const;

export const DEMO_HOUSING_ESTATES = [
  '幸福花园',
  '阳光小区',
  '锦绣家园',
  '翠湖苑',
  '金色港湾',
  '和平里',
  '康居小区',
  '滨江花园',
  '世纪城',
  '紫薇苑',
  '书香门第',
  '东方名苑',
] as const;
