/**
 * Fills an archive with demo customers, for trying the application and for
 * screenshots; never for a real office's archive.
 *
 *   npm run demo-data -- --customers 2000 --sales 50000 --data-dir /tmp/kedang-demo
 *
 * See src-main/demo/demo-data-command.ts for the options.
 */
import { readFirstLine } from '../src-main/cli/prompt';
import {
  DEMO_DATA_USAGE,
  DemoDataFailed,
  DemoUsageError,
  parseDemoDataArgs,
  runDemoData,
} from '../src-main/demo/demo-data-command';
import { DemoCallFailed } from '../src-main/demo/demo-office';

const ROLE_NAMES = { admin: '系统管理员', custodian: '档案管理员', manager: '经理', rep: '业务员', auditor: '审计员' };

async function main(): Promise<number> {
  let options;
  try {
    options = parseDemoDataArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof DemoUsageError)) throw error;
    console.error(`${error.message}\n\n${DEMO_DATA_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(DEMO_DATA_USAGE);
    return 0;
  }
  const password = options.passwordStdin ? await readFirstLine(process.stdin) : null;
  if (options.passwordStdin && !password) {
    console.error('stdin 中没有密码 / no password on stdin');
    return 2;
  }
  console.error(
    `载入 ${options.customers} 张演示客户卡${options.sales > 0 ? `和 ${options.sales} 行销售明细` : ''}到 ${options.dataDir} (seed ${options.seed}) …`,
  );
  let lastShown = 0;
  try {
    const result = await runDemoData(options, password, {
      onProgress(loaded, total) {
        if (loaded === total || loaded - lastShown >= 10_000) {
          lastShown = loaded;
          console.error(`  ${loaded} / ${total}`);
        }
      },
    });
    console.log(
      `已载入 ${result.created} 张演示客户卡，用时 ${result.seconds.toFixed(1)} 秒（以 ${result.loadedAs} 的身份）。`,
    );
    console.log(`Loaded ${result.created} demo cards in ${result.seconds.toFixed(1)} s as ${result.loadedAs}.`);
    if (result.sales) {
      const { lines, receipts, products, seconds } = result.sales;
      console.log(
        `已导入 ${products} 种商品、${lines} 行销售明细和 ${receipts} 笔回款，用时 ${seconds.toFixed(1)} 秒。`,
      );
      console.log(
        `Imported ${products} products, ${lines} sales lines and ${receipts} receipts in ${seconds.toFixed(1)} s.`,
      );
    }
    if (result.visits) {
      const { reports, pending, reviews, prospects } = result.visits;
      console.log(`已载入 ${reports} 份拜访报告（${pending} 份待处理）、${reviews} 次复核和 ${prospects} 个潜在客户。`);
      console.log(
        `Loaded ${reports} visit reports (${pending} pending), ${reviews} reviews and ${prospects} prospects.`,
      );
    }
    console.log(`档案库 / archive: ${result.dataDir}`);
    if (result.newArchive) {
      console.log('');
      console.log('==================== 仅供演示 / DEMO ONLY ====================');
      console.log('以下用户和密码是公开的演示数据，切勿用于真实客户档案。');
      console.log('These users and passwords are public demo data: never use this archive for real customers.');
      console.log('');
      for (const user of result.newArchive.users) {
        console.log(`  ${ROLE_NAMES[user.role].padEnd(6, '　')} ${user.username.padEnd(8)} ${user.password}`);
      }
      console.log('');
      console.log(`  恢复码 / recovery code: ${result.newArchive.recoveryCode}`);
      console.log('==============================================================');
      console.log('');
      console.log(`启动 / start:  KEDANG_DATA_DIR=${result.dataDir} npm start`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DemoDataFailed || error instanceof DemoCallFailed) {
      console.error(`失败 / failed: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Only the class: an unexpected error's message may quote card data.
    console.error(`内部错误 / internal error: ${(error as Error)?.name ?? typeof error}`);
    if (process.env.KEDANG_DEBUG) console.error(error);
    process.exit(1);
  },
);
