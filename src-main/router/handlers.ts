import type { ChannelName, OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { exportLog, logStatus, queryLog, verify } from '../access-log/access-log-service';
import { chooseFile, print, setLanguage } from '../app/app-service';
import { changePassword, currentSession, login, logout, recover } from '../auth/auth-service';
import { backupStatus, createBackup, restoreBackup } from '../backup/backup-service';
import { createCard, mergeCards, restoreVersion, setArchived, updateCard, verifySection } from '../cards/card-changes';
import { cardHistory, getCard, listReps, revealCard, searchCardList, versionAt } from '../cards/cards-service';
import { findDuplicates } from '../cards/duplicates';
import { dictionaries } from '../classification/dictionaries-service';
import { deleteEntry, reorderEntries, saveEntry } from '../classification/dictionary-admin';
import { getRules, saveRules } from '../classification/rules-service';
import { derivedClasses, setOverride } from '../classification/derived-classes';
import { classGroups } from '../classification/class-groups';
import { reassign } from '../classification/reassign';
import { printRoute, reorderRoute, routeStops } from '../classification/routes';
import { salesImportCommit, salesImportPreview, salesImportRejections } from '../sales/sales-import-service';
import { listImports, listProducts, saveProduct } from '../sales/catalogue-service';
import {
  creditAnalysis,
  gradeAnalysis,
  productAnalysis,
  regionAnalysis,
  segmentCustomers,
  trendAnalysis,
} from '../analysis/analysis-service';
import { exportAnalysisChart, exportAnalysisTable, printAnalysis } from '../analysis/analysis-output';
import { printCards } from '../printing/card-print-service';
import { exportCards } from '../cards/spreadsheet/export-service';
import { importCommit, importPreview, importRejections, importTemplate } from '../cards/spreadsheet/import-service';
import { getSettings, updateSettings } from '../settings/settings-service';
import { createArchive, setupStatus } from '../setup/setup-service';
import { createUser, listUsers, resetPassword, setUserActive, updateUser } from '../users/users-service';
import {
  submitReport,
  myReports,
  reportInbox,
  getReport,
  reviewReport,
  reportsForCard,
} from '../visits/visit-reports-service';
import { listSchedules, saveSchedule, reportingDiscipline } from '../visits/schedules-service';
import { getUpkeepRules, saveUpkeepRules, needsAttention, markReviewed, cardReviews } from '../upkeep/upkeep-service';
import { listProspects, createProspect, saveProspect, convertProspect } from '../prospects/prospects-service';
import { custodianStart, repStart, managerStart, adminStart } from '../home/start-pages';
import { cardOverview } from '../cards/card-overview';
import type { Call } from './call';

/**
 * One handler per channel of the contract. Typed as a mapped type so that
 * a channel without a handler, or a handler without a channel, fails to
 * compile.
 */
export type Handlers = {
  [C in ChannelName]: (call: Call, input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
};

export const handlers: Handlers = {
  'app.setLanguage': setLanguage,
  'app.chooseFile': chooseFile,
  'app.print': print,
  'setup.status': setupStatus,
  'setup.createArchive': createArchive,
  'auth.session': currentSession,
  'auth.login': login,
  'auth.logout': logout,
  'auth.touch': () => null,
  'auth.changePassword': changePassword,
  'auth.recover': recover,
  'users.list': listUsers,
  'users.create': createUser,
  'users.update': updateUser,
  'users.setActive': setUserActive,
  'users.resetPassword': resetPassword,
  'settings.get': getSettings,
  'settings.update': updateSettings,
  'accessLog.query': queryLog,
  'accessLog.verify': verify,
  'accessLog.status': logStatus,
  'accessLog.export': exportLog,
  'backup.status': backupStatus,
  'backup.create': createBackup,
  'backup.restore': restoreBackup,
  'cards.search': searchCardList,
  'cards.get': getCard,
  'cards.reveal': revealCard,
  'cards.history': cardHistory,
  'cards.versionAt': versionAt,
  'cards.findDuplicates': findDuplicates,
  'cards.create': createCard,
  'cards.update': updateCard,
  'cards.verifySection': verifySection,
  'cards.restore': restoreVersion,
  'cards.setArchived': setArchived,
  'cards.merge': mergeCards,
  'cards.reps': listReps,
  'cards.print': printCards,
  'cards.export': exportCards,
  'cards.importTemplate': importTemplate,
  'cards.importPreview': importPreview,
  'cards.importCommit': importCommit,
  'cards.importRejections': importRejections,
  'classification.dictionaries': dictionaries,
  'classification.saveEntry': saveEntry,
  'classification.reorderEntries': reorderEntries,
  'classification.deleteEntry': deleteEntry,
  'classification.rules': getRules,
  'classification.saveRules': saveRules,
  'classification.groups': classGroups,
  'classification.reassign': reassign,
  'classification.derived': derivedClasses,
  'classification.setOverride': setOverride,
  'classification.route': routeStops,
  'classification.reorderRoute': reorderRoute,
  'classification.printRoute': printRoute,
  'sales.importPreview': salesImportPreview,
  'sales.importCommit': salesImportCommit,
  'sales.importRejections': salesImportRejections,
  'sales.imports': listImports,
  'sales.products': listProducts,
  'sales.saveProduct': saveProduct,
  'analysis.grade': gradeAnalysis,
  'analysis.trend': trendAnalysis,
  'analysis.product': productAnalysis,
  'analysis.region': regionAnalysis,
  'analysis.credit': creditAnalysis,
  'analysis.customers': segmentCustomers,
  'analysis.exportTable': exportAnalysisTable,
  'analysis.exportChart': exportAnalysisChart,
  'analysis.print': printAnalysis,
  'visits.submit': submitReport,
  'visits.mine': myReports,
  'visits.inbox': reportInbox,
  'visits.get': getReport,
  'visits.review': reviewReport,
  'visits.forCard': reportsForCard,
  'visits.schedules': listSchedules,
  'visits.saveSchedule': saveSchedule,
  'visits.discipline': reportingDiscipline,
  'upkeep.rules': getUpkeepRules,
  'upkeep.saveRules': saveUpkeepRules,
  'upkeep.needsAttention': needsAttention,
  'upkeep.markReviewed': markReviewed,
  'upkeep.reviews': cardReviews,
  'prospects.list': listProspects,
  'prospects.create': createProspect,
  'prospects.save': saveProspect,
  'prospects.convert': convertProspect,
  'home.custodian': custodianStart,
  'home.rep': repStart,
  'home.manager': managerStart,
  'home.admin': adminStart,
  'cards.overview': cardOverview,
};
