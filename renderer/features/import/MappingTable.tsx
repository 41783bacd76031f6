import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_IDS, columnLabel } from '../../../shared/import';
import type { ImportSummary } from '../../../shared/model/import';
import { currentColumns } from './import-flow';
import { useSettings } from '../../state/settings';
import { useImport } from './import-state';

/** Each header of the file and the field it fills, every field selectable; saved mappings by name. */
export function MappingTable({ preview }: { preview: ImportSummary }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const { overrides, saved, setColumn, applySaved, saveMapping, deleteSaved } = useImport();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const units = new Map(preview.mapping.map(({ header, unit }) => [header, unit]));

  return (
    <section className="import-mapping" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title">{t('import.mapping')}</h2>
      <p className="muted">{t('import.mappingIntro')}</p>
      <div className="import-saved" role="group" aria-label={t('import.savedMappings')}>
        <label htmlFor="import-saved">{t('import.savedMappings')}</label>
        <select id="import-saved" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('import.noSavedMapping')}</option>
          {saved.map((mapping) => (
            <option key={mapping.name} value={mapping.name}>
              {mapping.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={chosen === ''} onClick={() => void applySaved(chosen)}>
          {t('import.applyMapping')}
        </button>
        <button
          type="button"
          disabled={chosen === ''}
          onClick={() => void deleteSaved(chosen).then(() => setChosen(''))}
        >
          {t('import.deleteMapping')}
        </button>
      </div>
      <table className="import-columns">
        <thead>
          <tr>
            <th scope="col">{t('import.header')}</th>
            <th scope="col">{t('import.target')}</th>
            <th scope="col">{t('import.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {currentColumns(preview, overrides).map(({ header, column }, index) => (
            <tr key={header}>
              <th scope="row">
                <label htmlFor={`import-col-${index}`}>{header}</label>
              </th>
              <td>
                <select
                  id={`import-col-${index}`}
                  value={column ?? ''}
                  onChange={(e) => void setColumn(header, e.target.value === '' ? null : e.target.value)}
                >
                  <option value="">{t('import.ignore')}</option>
                  {COLUMN_IDS.map((id) => (
                    <option key={id} value={id}>
                      {columnLabel(id, language)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {units.get(header) === null
                  ? ''
                  : t(`import.unit${units.get(header) === 'yuan' ? 'Yuan' : 'Fen'}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="import-save"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() !== '') void saveMapping(name);
        }}
      >
        <label htmlFor="import-mapping-name">{t('import.mappingName')}</label>
        <input
          id="import-mapping-name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={name.trim() === ''}>
          {t('import.saveMapping')}
        </button>
      </form>
    </section>
  );
}
