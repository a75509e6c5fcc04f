import { SeededRandom } from './seeded-random';

/**
 * The demo company's product catalogue: a wholesaler of food, drinks and
 * household goods, as the demo customers (shops, supermarkets, trading
 * partners, canteens of public units) would buy from. Ten categories as an
 * ERP's 存货分类, made-up brands (no real trade marks), codes like an ERP's
 * 存货编码 (category letters and a number), a unit price per selling unit,
 * and a monthly sales pattern per category (drinks sell in summer, liquor
 * and gift boxes before the Spring Festival and the Mid-Autumn Festival).
 */
export interface DemoProduct {
  code: string;
  name: string;
  category: string;
  /** Price of one selling unit (a case, a bag, a box), in yuan. */
  unitPrice: number;
  /** Relative popularity within its category. */
  popularity: number;
}

export interface DemoCategory {
  /** The letters that start its product codes. */
  prefix: string;
  name: string;
  brands: readonly string[];
  /** [item and pack, unit price in yuan]. */
  items: readonly (readonly [string, number])[];
  /** How much of the category sells in each month, January first (1 = an ordinary month). */
  months: readonly number[];
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  {
    prefix: 'YL',
    name: '饮料',
    brands: ['清泉', '山溪', '果园坊'],
    items: [
      ['饮用天然水 550ml×24瓶', 28],
      ['纯净水 4.5L×4桶', 26],
      ['橙汁 1L×12瓶', 96],
      ['乌龙茶饮料 500ml×15瓶', 52],
      ['柠檬茶 500ml×15瓶', 48],
      ['苏打水 350ml×24瓶', 72],
      ['椰子汁 245ml×24罐', 86],
      ['杏仁露 240ml×20罐', 78],
      ['功能饮料 250ml×24罐', 118],
      ['凉茶 310ml×24罐', 82],
    ],
    months: [0.8, 0.7, 0.8, 0.9, 1.1, 1.35, 1.5, 1.45, 1.1, 0.9, 0.75, 0.8],
  },
  {
    prefix: 'JL',
    name: '酒类',
    brands: ['古窖', '金樽', '海川'],
    items: [
      ['浓香型白酒 52度 500ml×6瓶', 588],
      ['清香型白酒 42度 500ml×6瓶', 336],
      ['纯生啤酒 500ml×12罐', 66],
      ['精酿啤酒 330ml×24瓶', 168],
      ['干红葡萄酒 750ml×6瓶', 468],
      ['黄酒 五年陈 500ml×12瓶', 216],
      ['米酒 500ml×12瓶', 96],
    ],
    months: [1.9, 1.2, 0.7, 0.7, 0.8, 0.9, 0.9, 0.9, 1.3, 1.1, 0.9, 1.5],
  },
  {
    prefix: 'LY',
    name: '粮油',
    brands: ['金穗', '北大荒原', '丰禾'],
    items: [
      ['东北大米 10kg', 69],
      ['长粒香米 5kg×4袋', 158],
      ['高筋面粉 5kg×4袋', 118],
      ['挂面 1kg×10包', 86],
      ['压榨花生油 5L×4桶', 498],
      ['大豆油 5L×4桶', 268],
      ['菜籽油 5L×4桶', 318],
      ['杂粮组合 2.5kg×4袋', 136],
    ],
    months: [1.3, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 1.1, 1.0, 1.0, 1.1],
  },
  {
    prefix: 'TW',
    name: '调味品',
    brands: ['味之源', '老坛', '鲜厨'],
    items: [
      ['特级生抽 500ml×12瓶', 98],
      ['老抽王 500ml×12瓶', 92],
      ['陈醋 500ml×12瓶', 76],
      ['料酒 500ml×12瓶', 58],
      ['鸡精 200g×20袋', 156],
      ['蚝油 700g×12瓶', 132],
      ['火锅底料 400g×20袋', 238],
      ['食用盐 400g×40袋', 64],
    ],
    months: FLAT,
  },
  {
    prefix: 'XX',
    name: '休闲食品',
    brands: ['好味来', '童趣', '坚果园'],
    items: [
      ['苏打饼干 400g×12盒', 142],
      ['夹心饼干 300g×24袋', 186],
      ['混合坚果 750g×6罐', 468],
      ['原味瓜子 500g×20袋', 236],
      ['牛肉干 200g×20袋', 598],
      ['水果糖 500g×20袋', 218],
      ['薯片 70g×40袋', 168],
      ['海苔 45g×30包', 196],
      ['沙琪玛 470g×12袋', 152],
    ],
    months: [1.5, 1.1, 0.8, 0.85, 0.9, 0.9, 0.85, 0.85, 1.1, 1.05, 0.95, 1.2],
  },
  {
    prefix: 'RZ',
    name: '乳制品',
    brands: ['草原牧场', '晨光'],
    items: [
      ['纯牛奶 250ml×24盒', 68],
      ['高钙牛奶 250ml×24盒', 76],
      ['常温酸奶 200g×16盒', 72],
      ['儿童成长奶 190ml×15盒', 58],
      ['奶粉 中老年 800g×6罐', 516],
    ],
    months: [1.45, 1.05, 0.85, 0.9, 0.9, 0.9, 0.85, 0.85, 1.05, 1.1, 1.0, 1.1],
  },
  {
    prefix: 'CY',
    name: '茶叶',
    brands: ['云岭', '西湖春'],
    items: [
      ['明前龙井 250g×10盒', 1680],
      ['铁观音 250g×10盒', 980],
      ['普洱熟茶 357g×7饼', 760],
      ['正山小种 250g×10盒', 880],
      ['茉莉花茶 250g×20袋', 520],
    ],
    months: [1.3, 0.8, 1.3, 1.4, 1.0, 0.8, 0.7, 0.7, 1.2, 1.0, 0.9, 1.0],
  },
  {
    prefix: 'RH',
    name: '日化用品',
    brands: ['洁雅', '清风家', '植萃'],
    items: [
      ['洗衣液 3kg×4瓶', 168],
      ['洗洁精 1.5kg×8瓶', 96],
      ['洗发水 750ml×12瓶', 398],
      ['沐浴露 750ml×12瓶', 356],
      ['牙膏 180g×36支', 398],
      ['香皂 125g×72块', 276],
      ['消毒液 1kg×12瓶', 118],
    ],
    months: FLAT,
  },
  {
    prefix: 'ZP',
    name: '纸品',
    brands: ['柔云', '清风家'],
    items: [
      ['抽纸 3层100抽×30包', 78],
      ['卷纸 4层140g×40卷', 92],
      ['湿巾 80片×24包', 188],
      ['厨房用纸 75节×24卷', 136],
      ['手帕纸 10包×48条', 142],
    ],
    months: FLAT,
  },
  {
    prefix: 'LH',
    name: '节日礼盒',
    brands: ['福满园', '好味来', '古窖'],
    items: [
      ['坚果礼盒 1.5kg×4盒', 536],
      ['月饼礼盒 八饼装×6盒', 708],
      ['粮油礼盒 ×4套', 556],
      ['年货礼包 ×4箱', 636],
      ['白酒礼盒 双瓶装×3套', 1188],
      ['茶叶礼盒 ×6盒', 1020],
    ],
    months: [3.4, 1.1, 0.25, 0.25, 0.3, 0.4, 0.6, 1.6, 3.0, 0.7, 0.5, 1.9],
  },
];

/**
 * The catalogue: every category's brands crossed with its items, thinned to
 * about 20 products per category (about 200 in all), the same for every
 * seed of the sales data (a product master does not change with the year's
 * sales). Popularity falls off like a Zipf curve inside each category.
 */
export function demoProducts(): DemoProduct[] {
  const random = new SeededRandom('kedang-demo-catalogue');
  const products: DemoProduct[] = [];
  for (const category of DEMO_CATEGORIES) {
    const pairs = category.items.flatMap(([item, price]) => category.brands.map((brand) => ({ brand, item, price })));
    const chosen = random.sample(pairs, Math.min(pairs.length, 22));
    // The catalogue lists a category's products by item, then brand, as an ERP numbers them.
    chosen.sort((a, b) => itemIndex(category, a.item) - itemIndex(category, b.item) || a.brand.localeCompare(b.brand));
    chosen.forEach((p, i) => {
      // Brands differ in price by a few percent, as they do on a real price list.
      const price = Math.round(p.price * (0.9 + random.next() * 0.25));
      products.push({
        code: `${category.prefix}${String(i + 1).padStart(4, '0')}`,
        name: `${p.brand} ${p.item}`,
        category: category.name,
        unitPrice: price,
        popularity: 0,
      });
    });
    // Popularity by a random rank: the best seller is not always the first code.
    const inCategory = products.filter((p) => p.category === category.name);
    random.sample(inCategory, inCategory.length).forEach((p, rank) => {
      p.popularity = 1 / Math.pow(rank + 1, 0.8);
    });
  }
  return products;
}

function itemIndex(category: DemoCategory, item: string): number {
  return category.items.findIndex(([name]) => name === item);
}
