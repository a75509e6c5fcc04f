import {
  Autocomplete,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ProductDto } from '../../src-shared/sales/sales';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';

/** Rows drawn at once; a search narrows a large catalogue further. */
const SHOWN = 500;
/** The select's value for "all categories" (Mantine's Select treats '' as no value). */
const ALL = '__all__';
const NONE = '__none__';

/**
 * 商品目录: the products the sales imports brought in, by category, with a
 * search, and each product's name and category editable (the code is the
 * ERP's key and stays).
 */
export function ProductCatalogue({ version }: { version: number }) {
  const { t } = useI18n();
  const action = useAction();
  const [products, setProducts] = useState<ProductDto[] | null>(null);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string>(ALL);
  const [editing, setEditing] = useState<ProductDto | null>(null);
  const { run } = action;

  useEffect(() => {
    void run('sales.products', {}).then((value) => {
      if (value) setProducts(value);
    });
  }, [run, version]);

  const categories = useMemo(
    () => [...new Set((products ?? []).map((p) => p.category).filter((c) => c !== ''))].sort(),
    [products],
  );
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (products ?? []).filter(
      (p) =>
        (category === ALL || (category === NONE ? p.category === '' : p.category === category)) &&
        (q === '' || `${p.code} ${p.name} ${p.category}`.toLowerCase().includes(q)),
    );
  }, [products, query, category]);

  if (!products) return <ErrorAlert error={action.error} />;
  if (products.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl" data-testid="sales-products-empty">
        <Text c="dimmed" ta="center">
          {t('sales.products.empty')}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('sales.products.search')}
          placeholder={t('sales.products.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={280}
        />
        <Select
          label={t('sales.products.category')}
          data={[
            { value: ALL, label: t('sales.products.allCategories') },
            ...categories.map((c) => ({ value: c, label: c })),
            { value: NONE, label: t('sales.products.noCategory') },
          ]}
          value={category}
          onChange={(value) => setCategory(value ?? ALL)}
          allowDeselect={false}
          w={200}
        />
        <Text size="sm" c="dimmed" pb={6} data-testid="sales-products-count">
          {t('sales.products.count', { n: products.length, shown: Math.min(shown.length, SHOWN) })}
        </Text>
      </Group>
      <ScrollArea.Autosize mah="calc(100vh - 320px)" type="auto">
        <Table withTableBorder striped verticalSpacing={4} fz="sm" data-testid="sales-products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>{t('sales.products.code')}</Table.Th>
              <Table.Th>{t('sales.products.name')}</Table.Th>
              <Table.Th w={180}>{t('sales.products.category')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.slice(0, SHOWN).map((p) => (
              <Table.Tr key={p.id} data-product={p.code}>
                <Table.Td className="kd-mono">{p.code}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td c={p.category ? undefined : 'dimmed'}>
                  {p.category || t('sales.products.noCategory')}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(p)}>
                    {t('sales.products.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {editing ? (
        <ProductEditModal
          product={editing}
          categories={categories}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setProducts((list) => (list ?? []).map((p) => (p.id === saved.id ? saved : p)));
            setEditing(null);
          }}
        />
      ) : null}
    </Stack>
  );
}

function ProductEditModal({
  product,
  categories,
  onClose,
  onSaved,
}: {
  product: ProductDto;
  categories: string[];
  onClose: () => void;
  onSaved: (product: ProductDto) => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const action = useAction();
  const [name, setName] = useState(product.name);
  const [category, setCategory] = useState(product.category);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await action.run('sales.saveProduct', {
      id: product.id,
      name: name.trim(),
      category: category.trim(),
    });
    if (!saved) return;
    notify(t('sales.products.saved', { code: saved.code }));
    onSaved(saved);
  }

  return (
    <Modal opened onClose={onClose} title={t('sales.products.editTitle', { code: product.code })} centered>
      <form onSubmit={(e) => void save(e)} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('sales.products.codeFixed')}
          </Text>
          <TextInput
            label={t('sales.products.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={100}
            required
            error={action.fieldError('name')}
            data-autofocus
          />
          <Autocomplete
            label={t('sales.products.category')}
            data={categories}
            value={category}
            onChange={setCategory}
            maxLength={60}
            error={action.fieldError('category')}
            comboboxProps={{ withinPortal: true }}
          />
          <ErrorAlert error={action.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={action.busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={action.busy} disabled={name.trim() === ''}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
