import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhUi from '../../locales/zh-CN/ui.json';
import enUi from '../../locales/en/ui.json';
import zhDomain from '../../locales/zh-CN/domain.json';
import enDomain from '../../locales/en/domain.json';

void i18next.use(initReactI18next).init({
  lng: 'zh-CN',
  fallbackLng: false,
  resources: { 'zh-CN': { ui: zhUi, domain: zhDomain }, en: { ui: enUi, domain: enDomain } },
  ns: ['ui', 'domain'],
  defaultNS: 'ui',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18next;
