"""Multilingual element texts for the generator: what buttons, links and fields say on real sites.

`T("en:Add to cart|Add to basket;de:In den Warenkorb;...")` -> {lang: [texts]}. Languages: en de fr es zh ja.
Concepts carry the label the labelling guideline gives them (docs/web-labelling-guideline.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGS = ("en", "de", "fr", "es", "zh", "ja")


def T(spec: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in spec.split(";"):
        if not part.strip():
            continue
        lang, _, texts = part.partition(":")
        out[lang.strip()] = [t.strip() for t in texts.split("|") if t.strip()]
    return out


@dataclass(frozen=True)
class Concept:
    key: str
    label: str  # SAFE | LOW | HIGH
    texts: dict[str, list[str]]
    kind: str = "click"  # click | type | select | check | press
    role: str = "button"  # button | link | textbox | textarea | combobox | checkbox | tab | menuitem
    effect: str = ""
    pages: tuple[str, ...] = ()  # page kinds where it appears; () = any
    values: tuple[str, ...] = ()  # for type/select: example values
    weight: float = 1.0
    extra: dict = field(default_factory=dict, hash=False, compare=False)


def C(key: str, label: str, spec: str, **kw) -> Concept:
    return Concept(key, label, T(spec), **kw)


# --- concepts found on sites of every kind ------------------------------------------------------------------------
GENERIC: tuple[Concept, ...] = (
    C("home", "SAFE", "en:Home|Back to home;de:Startseite|Zur Startseite;fr:Accueil;es:Inicio;zh:首页|返回首页;ja:ホーム|トップページ", role="link"),
    C("next_page", "SAFE", "en:Next|Next page|›|2|Load more|Show more results;de:Weiter|Nächste Seite|Mehr laden;fr:Suivant|Page suivante|Voir plus;es:Siguiente|Página siguiente|Cargar más;zh:下一页|加载更多;ja:次へ|次のページ|もっと見る", role="link"),
    C("prev_page", "SAFE", "en:Previous|Back|‹ Back;de:Zurück|Vorherige;fr:Précédent|Retour;es:Anterior|Volver;zh:上一页|返回;ja:前へ|戻る", role="link"),
    C("details", "SAFE", "en:View details|See details|Read more|Learn more|More info|See all|View all;de:Details ansehen|Mehr erfahren|Alle anzeigen;fr:Voir les détails|En savoir plus|Tout voir;es:Ver detalles|Más información|Ver todo;zh:查看详情|了解更多|查看全部;ja:詳細を見る|詳しくはこちら|すべて見る", role="link", weight=2.0),
    C("menu", "SAFE", "en:Menu|Open menu|All categories|More;de:Menü|Alle Kategorien;fr:Menu|Toutes les catégories;es:Menú|Todas las categorías;zh:菜单|全部分类;ja:メニュー|すべてのカテゴリー"),
    C("help", "SAFE", "en:Help|Help center|FAQ|Contact us|About us|Terms of use|Privacy policy;de:Hilfe|Kontakt|Über uns|Datenschutz|Impressum;fr:Aide|Nous contacter|À propos|Confidentialité;es:Ayuda|Contacto|Sobre nosotros|Privacidad;zh:帮助|联系我们|关于我们|隐私政策;ja:ヘルプ|お問い合わせ|会社概要|プライバシーポリシー", role="link"),
    C("lang_switch", "SAFE", "en:English|Español|Deutsch|Français|日本語|中文|Language: EN;de:Sprache|English;fr:Langue|English;es:Idioma|English;zh:English|语言;ja:English|言語", role="link"),
    C("close_dialog", "SAFE", "en:Close|×|Cancel|No thanks|Not now|Maybe later|Dismiss;de:Schließen|Abbrechen|Nein danke|Später;fr:Fermer|Annuler|Non merci|Plus tard;es:Cerrar|Cancelar|No, gracias|Más tarde;zh:关闭|取消|以后再说;ja:閉じる|キャンセル|後で"),
    C("login", "SAFE", "en:Sign in|Log in|Login|Continue with Google;de:Anmelden|Einloggen;fr:Se connecter|Connexion;es:Iniciar sesión|Entrar;zh:登录|立即登录;ja:ログイン|サインイン"),
    C("logout", "SAFE", "en:Sign out|Log out;de:Abmelden|Ausloggen;fr:Se déconnecter|Déconnexion;es:Cerrar sesión|Salir;zh:退出登录|退出;ja:ログアウト"),
    C("search_btn", "SAFE", "en:Search|Go|Find|🔍;de:Suchen|Los;fr:Rechercher|OK;es:Buscar|Ir;zh:搜索|搜一下;ja:検索|検索する"),
    C("tab", "SAFE", "en:Overview|Reviews|Specifications|Photos|Activity|Settings|Details|Description;de:Übersicht|Bewertungen|Fotos|Aktivität;fr:Aperçu|Avis|Photos|Activité;es:Resumen|Opiniones|Fotos|Actividad;zh:概览|评价|图片|动态;ja:概要|レビュー|写真|アクティビティ", role="tab"),
    C("download", "SAFE", "en:Download PDF|Download|Print|Export CSV|Download invoice;de:PDF herunterladen|Drucken|Herunterladen;fr:Télécharger le PDF|Imprimer;es:Descargar PDF|Imprimir;zh:下载PDF|打印|导出;ja:PDFをダウンロード|印刷|ダウンロード"),
    C("copy_link", "SAFE", "en:Copy link|Copy to clipboard;de:Link kopieren;fr:Copier le lien;es:Copiar enlace;zh:复制链接;ja:リンクをコピー"),
    C("expand", "SAFE", "en:Show more|Expand|See more|Show less|Collapse;de:Mehr anzeigen|Ausklappen;fr:Afficher plus|Développer;es:Mostrar más|Expandir;zh:展开|收起|显示更多;ja:もっと見る|展開|折りたたむ"),
    C("open_editor", "SAFE", "en:Edit|Edit profile|Write a review|Compose|New|Reply|Add a comment;de:Bearbeiten|Profil bearbeiten|Bewertung schreiben|Verfassen;fr:Modifier|Rédiger un avis|Nouveau message;es:Editar|Escribir una opinión|Redactar;zh:编辑|写评价|写邮件;ja:編集|レビューを書く|作成", weight=0.7),
    C("cookie_accept", "LOW", "en:Accept all cookies|Accept all|Accept cookies|Allow all|Reject all|Only necessary cookies|Save cookie preferences;de:Alle akzeptieren|Alle Cookies akzeptieren|Alle ablehnen|Nur notwendige Cookies;fr:Tout accepter|Accepter les cookies|Tout refuser|Continuer sans accepter;es:Aceptar todas las cookies|Aceptar todo|Rechazar todo;zh:接受所有Cookie|全部接受|拒绝;ja:すべてのCookieを受け入れる|同意する|すべて拒否", extra={"dialog": "cookies"}),
    C("newsletter", "LOW", "en:Subscribe to newsletter|Sign up for emails|Unsubscribe|Get deals by email;de:Newsletter abonnieren|Vom Newsletter abmelden;fr:S'inscrire à la newsletter|Se désabonner;es:Suscribirse al boletín|Darse de baja;zh:订阅邮件|退订;ja:メルマガ登録|配信停止"),
    C("theme", "LOW", "en:Dark mode|Switch to dark theme|Light theme|Save display settings;de:Dunkelmodus|Design ändern;fr:Mode sombre|Thème clair;es:Modo oscuro|Tema claro;zh:深色模式|切换主题;ja:ダークモード|テーマを変更", pages=("settings",)),
    C("notif_toggle", "LOW", "en:Email notifications|Push notifications|Notify me|Turn off notifications;de:E-Mail-Benachrichtigungen|Benachrichtigungen deaktivieren;fr:Notifications par e-mail|Désactiver les notifications;es:Notificaciones por correo|Desactivar notificaciones;zh:邮件通知|关闭通知;ja:メール通知|通知をオフにする", kind="check", role="switch", pages=("settings",)),
    C("signup", "HIGH", "en:Create account|Sign up|Register|Create your account|Join now;de:Konto erstellen|Registrieren|Jetzt registrieren;fr:Créer un compte|S'inscrire;es:Crear cuenta|Registrarse;zh:注册|创建账户|立即注册;ja:新規登録|アカウントを作成|会員登録", effect="create an account (a legal relationship)", pages=("signup", "login", "home")),
    C("delete_account", "HIGH", "en:Delete account|Close my account|Delete my account permanently;de:Konto löschen|Konto endgültig löschen;fr:Supprimer mon compte|Fermer le compte;es:Eliminar cuenta|Cerrar mi cuenta;zh:注销账户|删除账户;ja:アカウントを削除|退会する", pages=("settings", "security")),
    C("change_password", "HIGH", "en:Change password|Update password|Save new password|Reset password;de:Passwort ändern|Neues Passwort speichern;fr:Changer le mot de passe|Modifier le mot de passe;es:Cambiar contraseña|Actualizar contraseña;zh:修改密码|保存新密码;ja:パスワードを変更|パスワードを更新", pages=("security",)),
    C("enable_2fa", "HIGH", "en:Enable two-factor authentication|Turn on 2FA|Disable 2FA|Set up authenticator app;de:Zwei-Faktor-Authentifizierung aktivieren|2FA deaktivieren;fr:Activer la double authentification;es:Activar la verificación en dos pasos;zh:开启两步验证|关闭双重验证;ja:二段階認証を有効にする|二段階認証を無効にする", pages=("security",)),
    C("contact_send", "HIGH", "en:Send message|Submit|Send|Submit feedback|Send inquiry;de:Nachricht senden|Absenden|Senden;fr:Envoyer le message|Envoyer;es:Enviar mensaje|Enviar;zh:发送消息|提交|发送;ja:送信する|メッセージを送信|送信", pages=("contact",)),
)

# field concepts (type/select) shared by all domains
FIELDS: tuple[Concept, ...] = (
    C("search_field", "SAFE", "en:Search|Search products|Search…|What are you looking for?|Search or jump to...;de:Suchen|Suchbegriff eingeben|Wonach suchst du?;fr:Rechercher|Que recherchez-vous ?;es:Buscar|¿Qué estás buscando?;zh:搜索|请输入关键词;ja:検索|キーワードを入力", kind="type", role="searchbox", values=("wireless headphones", "hotel in Lisbon", "python", "Kinderwagen", "chaussures", "zapatillas", "手机壳", "イヤホン")),
    C("sort_select", "SAFE", "en:Sort by|Sort: Featured|Order by;de:Sortieren nach;fr:Trier par;es:Ordenar por;zh:排序;ja:並び替え", kind="select", role="combobox", values=("Price: Low to High", "Newest", "Most popular", "Preis aufsteigend", "Prix croissant", "Precio: menor a mayor", "价格从低到高", "新着順")),
    C("filter_check", "SAFE", "en:Free shipping|4 stars & up|In stock only|Under $25|Brand;de:Kostenloser Versand|Auf Lager;fr:Livraison gratuite|En stock;es:Envío gratis|En stock;zh:包邮|有货;ja:送料無料|在庫あり", kind="check", role="checkbox"),
    C("login_password", "SAFE", "en:Password|Email or phone|Username;de:Passwort|E-Mail-Adresse;fr:Mot de passe|Adresse e-mail;es:Contraseña|Correo electrónico;zh:密码|手机号/邮箱;ja:パスワード|メールアドレス", kind="type", role="textbox", pages=("login",), values=("********", "jane.doe@example.com", "jdoe")),
    C("new_password", "HIGH", "en:New password|Confirm new password;de:Neues Passwort;fr:Nouveau mot de passe;es:Nueva contraseña;zh:新密码|确认新密码;ja:新しいパスワード", kind="type", role="textbox", pages=("security",), values=("********", "S3cure!pass")),
    C("newsletter_email", "LOW", "en:Enter your email for deals|Your email;de:Ihre E-Mail für den Newsletter;fr:Votre e-mail pour la newsletter;es:Tu correo para el boletín;zh:输入邮箱订阅;ja:メルマガ用メールアドレス", kind="type", role="textbox", pages=("home",), values=("jane@example.com",)),
)


@dataclass(frozen=True)
class PageKind:
    key: str
    path: tuple[str, ...]
    title: dict[str, list[str]]
    ambiguous: tuple[tuple[str, str], ...] = ()  # generic button texts whose level the page decides: (concept key, label)


PAGE_KINDS: dict[str, PageKind] = {p.key: p for p in (
    PageKind("home", ("/", "/home", "/index.html", "/en-us/", "/de/", "/fr/"), T("en:Home|Welcome;de:Startseite|Willkommen;fr:Accueil|Bienvenue;es:Inicio|Bienvenido;zh:首页|欢迎;ja:ホーム|ようこそ")),
    PageKind("search", ("/search", "/s", "/results", "/list", "/browse", "/explore"), T("en:Search results|Results for;de:Suchergebnisse;fr:Résultats de recherche;es:Resultados de búsqueda;zh:搜索结果;ja:検索結果")),
    PageKind("item", ("/item/{id}", "/p/{id}", "/product/{id}", "/dp/{id}", "/detail/{id}", "/listing/{id}"), T("en:Details|Overview;de:Details|Übersicht;fr:Détails|Aperçu;es:Detalles|Resumen;zh:详情|概览;ja:詳細|概要")),
    PageKind("cart", ("/cart", "/basket", "/bag", "/warenkorb", "/panier"), T("en:Shopping cart|Your bag;de:Warenkorb;fr:Panier;es:Carrito|Cesta;zh:购物车;ja:カート|ショッピングカート")),
    PageKind("checkout", ("/checkout", "/checkout/payment", "/gp/buy/spc", "/order/confirm", "/pay", "/kasse"), T("en:Checkout|Review your order|Payment;de:Kasse|Bestellung überprüfen|Zahlung;fr:Paiement|Récapitulatif de la commande;es:Pago|Revisa tu pedido;zh:结算|确认订单|支付;ja:レジに進む|ご注文内容の確認|お支払い"), ambiguous=(("confirm", "HIGH"), ("continue", "SAFE"), ("submit", "HIGH"))),
    PageKind("transfer", ("/transfer", "/payments/send", "/send", "/pay/transfer/confirm", "/wire"), T("en:Transfer money|Send money|Review transfer;de:Überweisung|Geld senden;fr:Virement|Envoyer de l'argent;es:Transferencia|Enviar dinero;zh:转账|汇款;ja:振込|送金"), ambiguous=(("confirm", "HIGH"), ("continue", "SAFE"), ("submit", "HIGH"))),
    PageKind("compose", ("/compose", "/messages/new", "/mail/new", "/post/new", "/submit", "/new"), T("en:New message|Compose|Create post;de:Neue Nachricht|Beitrag erstellen;fr:Nouveau message|Créer une publication;es:Nuevo mensaje|Crear publicación;zh:写邮件|发帖|新消息;ja:新規メッセージ|投稿を作成"), ambiguous=(("submit", "HIGH"), ("confirm", "HIGH"))),
    PageKind("settings", ("/settings", "/preferences", "/account/settings", "/profile/edit", "/einstellungen"), T("en:Settings|Preferences|Account settings;de:Einstellungen|Kontoeinstellungen;fr:Paramètres|Préférences;es:Configuración|Preferencias;zh:设置|偏好设置;ja:設定|アカウント設定"), ambiguous=(("save", "LOW"), ("confirm", "LOW"))),
    PageKind("security", ("/settings/security", "/account/security", "/security", "/-/profile/password/edit", "/settings/keys"), T("en:Security|Password and security|Sign-in & security;de:Sicherheit|Passwort und Sicherheit;fr:Sécurité|Mot de passe et sécurité;es:Seguridad|Contraseña y seguridad;zh:账户安全|密码与安全;ja:セキュリティ|パスワードとセキュリティ"), ambiguous=(("save", "HIGH"), ("confirm", "HIGH"), ("submit", "HIGH"))),
    PageKind("application", ("/apply", "/application", "/jobs/apply/{id}", "/forms/{id}", "/claim", "/antrag"), T("en:Application form|Apply|Review your application;de:Bewerbung|Antrag;fr:Candidature|Formulaire de demande;es:Solicitud|Formulario;zh:申请表|提交申请;ja:応募フォーム|申請"), ambiguous=(("submit", "HIGH"), ("confirm", "HIGH"), ("continue", "SAFE"), ("save", "LOW"))),
    PageKind("delete_dialog", ("/settings", "/manage", "/admin/{id}/edit", "/projects/{id}/edit"), T("en:Are you sure?|Confirm deletion|This action cannot be undone;de:Sind Sie sicher?|Löschen bestätigen;fr:Êtes-vous sûr ?|Confirmer la suppression;es:¿Estás seguro?|Confirmar eliminación;zh:确定要删除吗？|此操作无法撤销;ja:本当に削除しますか？|この操作は取り消せません"), ambiguous=(("confirm", "HIGH"), ("yes", "HIGH"))),
    PageKind("admin_edit", ("/admin/{id}/edit", "/admin/catalog/product/edit/id/{id}", "/admin/sales/order/view/{id}", "/index.php?module=Cases&action=EditView"), T("en:Edit record|Edit product|Order view;de:Datensatz bearbeiten;fr:Modifier la fiche;es:Editar registro;zh:编辑记录;ja:レコードを編集"), ambiguous=(("save", "HIGH"), ("submit", "HIGH"), ("confirm", "HIGH"))),
    PageKind("login", ("/login", "/signin", "/ap/signin", "/users/sign_in"), T("en:Sign in|Log in to your account;de:Anmelden;fr:Connexion;es:Iniciar sesión;zh:登录;ja:ログイン"), ambiguous=(("continue", "SAFE"), ("submit", "SAFE"), ("confirm", "SAFE"))),
    PageKind("signup", ("/signup", "/register", "/join", "/account/create"), T("en:Create your account|Sign up;de:Konto erstellen|Registrieren;fr:Créer un compte;es:Crear cuenta;zh:注册账户;ja:会員登録"), ambiguous=(("submit", "HIGH"), ("confirm", "HIGH"), ("continue", "SAFE"))),
    PageKind("contact", ("/contact", "/support/new", "/feedback", "/kontakt"), T("en:Contact us|Send us a message|Feedback;de:Kontakt|Schreiben Sie uns;fr:Nous contacter;es:Contáctanos;zh:联系我们|意见反馈;ja:お問い合わせ"), ambiguous=(("submit", "HIGH"), ("confirm", "HIGH"))),
    PageKind("search_form", ("/", "/flights", "/hotels", "/trains", "/search"), T("en:Find your trip|Search|Where to?;de:Reise suchen|Wohin?;fr:Où allez-vous ?;es:¿A dónde vas?;zh:搜索行程;ja:どこへ行きますか？"), ambiguous=(("submit", "SAFE"), ("continue", "SAFE"), ("confirm", "SAFE"))),
)}

# Generic buttons whose meaning the page decides (WebGuard's hardest cases).
AMBIGUOUS: dict[str, dict[str, list[str]]] = {
    "confirm": T("en:Confirm|OK|Confirm and continue|Yes, confirm;de:Bestätigen|OK;fr:Confirmer|Valider;es:Confirmar|Aceptar;zh:确认|确定;ja:確認|確定|OK"),
    "continue": T("en:Continue|Next|Next step|Proceed;de:Weiter|Fortfahren;fr:Continuer|Étape suivante;es:Continuar|Siguiente;zh:继续|下一步;ja:続ける|次へ進む"),
    "submit": T("en:Submit|Send|Done|Finish;de:Absenden|Senden|Fertig;fr:Soumettre|Envoyer|Terminer;es:Enviar|Finalizar;zh:提交|完成;ja:送信|完了|登録"),
    "save": T("en:Save|Save changes|Update|Apply;de:Speichern|Änderungen speichern;fr:Enregistrer|Enregistrer les modifications;es:Guardar|Guardar cambios;zh:保存|保存更改;ja:保存|変更を保存|更新"),
    "yes": T("en:Yes|Yes, delete|I understand, delete;de:Ja|Ja, löschen;fr:Oui|Oui, supprimer;es:Sí|Sí, eliminar;zh:是|确定删除;ja:はい|はい、削除します"),
}
