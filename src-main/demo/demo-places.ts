/**
 * Where the demo customers are: cities with their province, telephone area
 * code, districts with their administrative division codes (GB/T 2260, the
 * six digits inside a unified social credit code), and the sales regions
 * and routes an office would divide them into (method 三.2 ③: 区域, then
 * routes within a region, with a route order for visits and deliveries).
 */

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
  region: string;
  label: string;
  labelEn: string;
  /** City, or city/district when a large city is split between routes. */
  covers: readonly string[];
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

/** Three to six routes per region; the two largest cities are split by district. */
export const DEMO_ROUTES: readonly DemoRoute[] = [
  {
    code: 'HB-01',
    region: 'HB',
    label: '京东线',
    labelEn: 'Beijing east',
    covers: ['北京/东城区', '北京/朝阳区', '北京/通州区'],
  },
  {
    code: 'HB-02',
    region: 'HB',
    label: '京西线',
    labelEn: 'Beijing west',
    covers: ['北京/西城区', '北京/海淀区', '北京/丰台区'],
  },
  { code: 'HB-03', region: 'HB', label: '津冀线', labelEn: 'Tianjin–Hebei', covers: ['天津', '石家庄'] },
  { code: 'HB-04', region: 'HB', label: '晋蒙线', labelEn: 'Shanxi–Inner Mongolia', covers: ['太原', '呼和浩特'] },
  { code: 'DB-01', region: 'DB', label: '沈阳线', labelEn: 'Shenyang', covers: ['沈阳'] },
  { code: 'DB-02', region: 'DB', label: '大连线', labelEn: 'Dalian', covers: ['大连'] },
  { code: 'DB-03', region: 'DB', label: '吉黑线', labelEn: 'Jilin–Heilongjiang', covers: ['长春', '哈尔滨'] },
  {
    code: 'HD-01',
    region: 'HD',
    label: '沪西线',
    labelEn: 'Shanghai Puxi',
    covers: ['上海/黄浦区', '上海/徐汇区', '上海/长宁区', '上海/静安区', '上海/普陀区'],
  },
  {
    code: 'HD-02',
    region: 'HD',
    label: '沪东线',
    labelEn: 'Shanghai Pudong',
    covers: ['上海/浦东新区', '上海/闵行区'],
  },
  { code: 'HD-03', region: 'HD', label: '宁苏锡线', labelEn: 'Nanjing–Suzhou–Wuxi', covers: ['南京', '苏州', '无锡'] },
  { code: 'HD-04', region: 'HD', label: '浙江线', labelEn: 'Zhejiang', covers: ['杭州', '宁波', '温州'] },
  {
    code: 'HD-05',
    region: 'HD',
    label: '皖赣闽线',
    labelEn: 'Anhui–Jiangxi–Fujian',
    covers: ['合肥', '南昌', '福州', '厦门'],
  },
  { code: 'HD-06', region: 'HD', label: '山东线', labelEn: 'Shandong', covers: ['济南', '青岛'] },
  { code: 'HZ-01', region: 'HZ', label: '武汉线', labelEn: 'Wuhan', covers: ['武汉'] },
  { code: 'HZ-02', region: 'HZ', label: '郑州线', labelEn: 'Zhengzhou', covers: ['郑州'] },
  { code: 'HZ-03', region: 'HZ', label: '长沙线', labelEn: 'Changsha', covers: ['长沙'] },
  { code: 'HN-01', region: 'HN', label: '广州线', labelEn: 'Guangzhou', covers: ['广州'] },
  { code: 'HN-02', region: 'HN', label: '深圳线', labelEn: 'Shenzhen', covers: ['深圳'] },
  { code: 'HN-03', region: 'HN', label: '佛莞线', labelEn: 'Foshan–Dongguan', covers: ['佛山', '东莞'] },
  { code: 'HN-04', region: 'HN', label: '桂琼线', labelEn: 'Guangxi–Hainan', covers: ['南宁', '海口'] },
  { code: 'XN-01', region: 'XN', label: '成都线', labelEn: 'Chengdu', covers: ['成都'] },
  { code: 'XN-02', region: 'XN', label: '重庆线', labelEn: 'Chongqing', covers: ['重庆'] },
  { code: 'XN-03', region: 'XN', label: '云贵线', labelEn: 'Yunnan–Guizhou', covers: ['贵阳', '昆明'] },
  { code: 'XB-01', region: 'XB', label: '西安线', labelEn: "Xi'an", covers: ['西安'] },
  {
    code: 'XB-02',
    region: 'XB',
    label: '甘青宁线',
    labelEn: 'Gansu–Qinghai–Ningxia',
    covers: ['兰州', '西宁', '银川'],
  },
  { code: 'XB-03', region: 'XB', label: '新疆线', labelEn: 'Xinjiang', covers: ['乌鲁木齐'] },
];

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
