/** The two consoles in one bundle: merchant staff get the 가맹점관리자시스템, operators the operator console. */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiFailure, api, must, setCsrfToken } from './api/client';
import { label } from './format';
import { SessionContext, type Me, type SessionValue } from './session';
import { Loading } from './ui';
import { SignIn } from './pages/SignIn';
import { AcceptInvitation } from './pages/AcceptInvitation';
import { Dashboard } from './pages/Dashboard';
import { ContractPage } from './pages/Contract';
import { Apply } from './pages/Apply';
import { SenderNumbers } from './pages/SenderNumbers';
import { Templates } from './pages/Templates';
import { SendTest } from './pages/SendTest';
import { Campaigns } from './pages/Campaigns';
import { CampaignDetail } from './pages/CampaignDetail';
import { Scheduled } from './pages/Scheduled';
import { Messages } from './pages/Messages';
import { MessageDetail } from './pages/MessageDetail';
import { OptOuts } from './pages/OptOuts';
import { Invoices } from './pages/Invoices';
import { InvoiceDetail } from './pages/InvoiceDetail';
import { Developers } from './pages/Developers';
import { Team } from './pages/Team';
import { ReviewQueue } from './pages/ops/ReviewQueue';
import { VerificationQueue } from './pages/ops/VerificationQueue';
import { Merchants } from './pages/ops/Merchants';
import { MerchantDetail } from './pages/ops/MerchantDetail';
import { OpsInvoices } from './pages/ops/OpsInvoices';
import { Holidays } from './pages/ops/Holidays';

/** A console's screens in menu order: those with a menu entry are listed in the side menu. */
interface Screen {
  path: string;
  page: ReactElement;
  menu?: string;
}

const MERCHANT_SCREENS: Screen[] = [
  { path: '/', menu: '대시보드', page: <Dashboard /> },
  { path: '/contract', menu: '계약', page: <ContractPage /> },
  { path: '/contract/apply', page: <Apply /> },
  { path: '/sender-numbers', menu: '발신번호', page: <SenderNumbers /> },
  { path: '/templates', menu: '알림톡 템플릿', page: <Templates /> },
  { path: '/send', menu: '테스트 발송', page: <SendTest /> },
  { path: '/campaigns', menu: '캠페인', page: <Campaigns /> },
  { path: '/campaigns/:id', page: <CampaignDetail /> },
  { path: '/scheduled', menu: '예약 발송', page: <Scheduled /> },
  { path: '/messages', menu: '발송 내역', page: <Messages /> },
  { path: '/messages/:id', page: <MessageDetail /> },
  { path: '/opt-outs', menu: '수신거부', page: <OptOuts /> },
  { path: '/invoices', menu: '청구서', page: <Invoices /> },
  { path: '/invoices/:id', page: <InvoiceDetail /> },
  { path: '/developers', menu: '웹훅·API 키', page: <Developers /> },
  { path: '/team', menu: '구성원', page: <Team /> },
];

const OPERATOR_SCREENS: Screen[] = [
  { path: '/ops', menu: '계약 심사', page: <ReviewQueue /> },
  { path: '/ops/sender-numbers', menu: '발신번호 확인', page: <VerificationQueue /> },
  { path: '/ops/merchants', menu: '가맹점·계약', page: <Merchants /> },
  { path: '/ops/merchants/:id', page: <MerchantDetail /> },
  { path: '/ops/invoices', menu: '청구·납부', page: <OpsInvoices /> },
  { path: '/ops/invoices/:id', page: <InvoiceDetail /> },
  { path: '/ops/holidays', menu: '공휴일', page: <Holidays /> },
  { path: '/ops/team', menu: '운영자', page: <Team /> },
];

function Shell(props: { session: SessionValue }) {
  const { me, signOut } = props.session;
  const operator = me.role === 'operator';
  const screens = operator ? OPERATOR_SCREENS : MERCHANT_SCREENS;
  const home = operator ? '/ops' : '/';
  return (
    <div className="shell">
      <a className="skip" href="#main">
        본문으로 건너뛰기
      </a>
      <header className="topbar">
        <div className="brand">
          bizmsg <span>{operator ? '운영자 콘솔' : '가맹점관리자시스템'}</span>
        </div>
        <div className="who">
          {me.merchantName && <strong>{me.merchantName}</strong>}
          <span>
            {me.user?.name} ({label('role', me.role)})
          </span>
          <button type="button" className="secondary small" onClick={() => void signOut()}>
            로그아웃
          </button>
        </div>
      </header>
      <div className="body">
        <nav aria-label="주 메뉴" className="sidenav">
          <ul>
            {screens
              .filter((s) => s.menu)
              .map((s) => (
                <li key={s.path}>
                  <NavLink to={s.path} end={s.path === home}>
                    {s.menu}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Routes>
            {screens.map((s) => (
              <Route key={s.path} path={s.path} element={s.page} />
            ))}
            <Route path="*" element={<Navigate to={home} replace />} />
          </Routes>
        </main>
      </div>
    </div>
  );
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();

  const refresh = useCallback(async () => {
    try {
      const m = await must(api.GET('/v1/me'));
      setCsrfToken(m.csrfToken);
      setMe(m as Me);
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 401) setMe(null);
      else throw e;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Focus the page's content after each navigation, so keyboard and screen-reader users start there.
  useEffect(() => {
    document.getElementById('main')?.focus();
  }, [location.pathname]);

  const signOut = useCallback(async () => {
    await api.DELETE('/v1/session');
    setCsrfToken(null);
    setMe(null);
    navigate('/signin');
  }, [navigate]);

  if (location.pathname === '/invitation') return <AcceptInvitation onSignedIn={refresh} />;
  if (me === undefined) return <Loading />;
  if (me === null || location.pathname === '/signin') {
    if (me && location.pathname === '/signin') return <Navigate to={me.role === 'operator' ? '/ops' : '/'} replace />;
    return <SignIn onSignedIn={refresh} />;
  }
  if (me.role === 'operator' && !location.pathname.startsWith('/ops')) return <Navigate to="/ops" replace />;
  return (
    <SessionContext.Provider value={{ me, refresh, signOut }}>
      <Shell session={{ me, refresh, signOut }} />
    </SessionContext.Provider>
  );
}
