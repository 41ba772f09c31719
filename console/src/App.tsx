/** The two consoles in one bundle: merchant staff get the 가맹점관리자시스템, operators the operator console. */
import { useCallback, useEffect, useState } from 'react';
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

const MERCHANT_NAV: [string, string][] = [
  ['/', '대시보드'],
  ['/contract', '계약'],
  ['/sender-numbers', '발신번호'],
  ['/templates', '알림톡 템플릿'],
  ['/send', '테스트 발송'],
  ['/messages', '발송 내역'],
  ['/opt-outs', '수신거부'],
  ['/invoices', '청구서'],
  ['/developers', '웹훅·API 키'],
  ['/team', '구성원'],
];

const OPERATOR_NAV: [string, string][] = [
  ['/ops', '계약 심사'],
  ['/ops/sender-numbers', '발신번호 확인'],
  ['/ops/merchants', '가맹점·계약'],
  ['/ops/invoices', '청구·납부'],
  ['/ops/holidays', '공휴일'],
  ['/ops/team', '운영자'],
];

function Shell(props: { session: SessionValue }) {
  const { me, signOut } = props.session;
  const operator = me.role === 'operator';
  const nav = operator ? OPERATOR_NAV : MERCHANT_NAV;
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
            {nav.map(([to, text]) => (
              <li key={to}>
                <NavLink to={to} end={to === '/' || to === '/ops'}>
                  {text}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {operator ? (
            <Routes>
              <Route path="/ops" element={<ReviewQueue />} />
              <Route path="/ops/sender-numbers" element={<VerificationQueue />} />
              <Route path="/ops/merchants" element={<Merchants />} />
              <Route path="/ops/merchants/:id" element={<MerchantDetail />} />
              <Route path="/ops/invoices" element={<OpsInvoices />} />
              <Route path="/ops/invoices/:id" element={<InvoiceDetail />} />
              <Route path="/ops/holidays" element={<Holidays />} />
              <Route path="/ops/team" element={<Team />} />
              <Route path="*" element={<Navigate to="/ops" replace />} />
            </Routes>
          ) : (
            <Routes>
              <Route path="/" element={<Dashboard />} />
              <Route path="/contract" element={<ContractPage />} />
              <Route path="/contract/apply" element={<Apply />} />
              <Route path="/sender-numbers" element={<SenderNumbers />} />
              <Route path="/templates" element={<Templates />} />
              <Route path="/send" element={<SendTest />} />
              <Route path="/messages" element={<Messages />} />
              <Route path="/messages/:id" element={<MessageDetail />} />
              <Route path="/opt-outs" element={<OptOuts />} />
              <Route path="/invoices" element={<Invoices />} />
              <Route path="/invoices/:id" element={<InvoiceDetail />} />
              <Route path="/developers" element={<Developers />} />
              <Route path="/team" element={<Team />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          )}
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
