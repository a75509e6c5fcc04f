import { z } from 'zod';
import {
  SALES_IMPORT_KINDS,
  type ProductDto,
  type SalesImportDto,
  type SalesImportReport,
  type SalesImportResult,
} from '../sales/sales';
import { channel, needs } from './channel';

/** File column (as in the header row) → sales target, or '' for ignored. */
export const SalesMappingSchema = z.record(z.string().max(200), z.string().max(40));

const SalesImportInput = z.strictObject({
  kind: z.enum(SALES_IMPORT_KINDS),
  path: z.string().min(1).max(1000),
  mapping: SalesMappingSchema.optional(),
});

/** Sales lines and receipts from the ERP, and the product catalogue. */
export const salesContract = {
  /** Reads and checks a sales or receipts file without writing anything: the dry run. */
  'sales.importPreview': channel<SalesImportReport>()({ input: SalesImportInput, access: needs('sales.import') }),
  /**
   * Imports every accepted row in one transaction, or none; ALREADY_IMPORTED when the same file
   * was imported before. Derived classes are recomputed afterwards.
   */
  'sales.importCommit': channel<SalesImportResult>()({ input: SalesImportInput, access: needs('sales.import') }),
  /** Saves the rejected rows with their row numbers and reasons to `out`. */
  'sales.importRejections': channel<{ path: string; rows: number }>()({
    input: SalesImportInput.extend({ out: z.string().min(1).max(1000) }),
    access: needs('sales.import'),
  }),
  /** The files imported so far, newest first. */
  'sales.imports': channel<SalesImportDto[]>()({
    input: z.strictObject({}),
    access: needs('sales.import', 'analysis.read'),
  }),
  /** The product catalogue. */
  'sales.products': channel<ProductDto[]>()({
    input: z.strictObject({}),
    access: needs('sales.import', 'analysis.read'),
  }),
  /** Renames a product or sets its category. */
  'sales.saveProduct': channel<ProductDto>()({
    input: z.strictObject({
      id: z.number().int().positive(),
      name: z.string().trim().min(1).max(100),
      category: z.string().trim().max(60),
    }),
    access: needs('sales.import'),
  }),
};
