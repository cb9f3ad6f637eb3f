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
    C("react_emoji", "LOW", "en:👍|❤️|😂|🎉|React with thumbs up|Add reaction|Love|Haha|+1;de:👍|Reaktion hinzufügen;fr:👍|Ajouter une réaction;es:👍|Reaccionar;zh:👍|点赞|表情回应;ja:👍|リアクション", pages=("item", "home"), extra={"markup": "emoji"}),
    C("star_rating", "LOW", "en:Rate 4 stars|5 stars|★★★★☆|Rate this 3 out of 5|Thumbs up|Thumbs down|Not for me|I like this;de:4 Sterne|Daumen hoch;fr:4 étoiles|J'aime bien;es:4 estrellas|Me gusta;zh:4星|推荐;ja:星4つ|高評価", pages=("item", "compose"), extra={"markup": "star"}),
    C("keep_signed_in", "SAFE", "en:Keep me signed in|Remember me|Show password|Stay signed in;de:Angemeldet bleiben|Passwort anzeigen;fr:Rester connecté|Afficher le mot de passe;es:Mantener la sesión iniciada|Recordarme;zh:记住我|显示密码;ja:ログインしたままにする|パスワードを表示", kind="check", role="checkbox", pages=("login",)),
    C("pref_switch", "LOW", "en:Autoplay|Compact view|Show thumbnails|Sound effects|Keyboard shortcuts|Weekly digest|Reduce motion|Use 24-hour clock;de:Automatische Wiedergabe|Kompakte Ansicht|Tastenkürzel;fr:Lecture automatique|Vue compacte|Raccourcis clavier;es:Reproducción automática|Vista compacta|Atajos de teclado;zh:自动播放|紧凑视图|快捷键;ja:自動再生|コンパクト表示|キーボードショートカット", kind="check", role="switch", pages=("settings",)),
    C("privacy_switch", "HIGH", "en:Private account|Public profile|Show my activity status|Let others find me by phone number|Allow search engines to index my profile|Two-step verification|Login approvals|Auto-renew subscription|Allow third-party apps;de:Privates Konto|Öffentliches Profil|Bestätigung in zwei Schritten|Automatische Verlängerung;fr:Compte privé|Profil public|Validation en deux étapes|Renouvellement automatique;es:Cuenta privada|Perfil público|Verificación en dos pasos|Renovación automática;zh:私密账号|公开个人主页|两步验证|自动续费;ja:非公開アカウント|プロフィールを公開|2段階認証|自動更新", kind="check", role="switch", pages=("settings", "security"), extra={"instant": True}),
    C("location_pref", "LOW", "en:Change store|Set as my store|Make this my store|Update location|Change delivery location|Deliver to 10001|Select this store|Set as preferred store;de:Markt wählen|Als meinen Markt festlegen|Lieferort ändern;fr:Choisir ce magasin|Définir comme mon magasin|Modifier l'adresse de livraison;es:Elegir tienda|Establecer como mi tienda|Cambiar ubicación;zh:切换门店|设为常用门店|修改收货地区;ja:店舗を変更|マイストアに設定|お届け先を変更", pages=("item", "home", "search")),
    C("order_nav", "SAFE", "en:Track package|Track order|Order details|View order|View invoice|Order status|Your orders|Buy it again page;de:Sendung verfolgen|Bestelldetails;fr:Suivre mon colis|Détails de la commande;es:Rastrear paquete|Detalles del pedido;zh:查看物流|订单详情;ja:配送状況を確認|注文の詳細", role="link", pages=("item", "home")),
    C("paid_plan_generic", "HIGH", "en:Get Premium|Try 1 month for $0|Start free trial|Choose this plan|Upgrade now|Go Pro|Get Plus for $4.99/mo|Subscribe for $9.99/month|Buy plan|Join Premium;de:Premium holen|Kostenlos testen|Tarif wählen|Jetzt upgraden;fr:Passer à Premium|Essai gratuit|Choisir cette offre;es:Obtener Premium|Prueba gratis|Elegir este plan;zh:开通会员|免费试用|选择此套餐|立即升级;ja:プレミアムに登録|無料体験を始める|このプランを選ぶ", pages=("pricing",)),
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
    PageKind("delete_dialog", ("/settings", "/manage", "/admin/{id}/edit", "/projects/{id}/edit"), T("en:Are you sure?|Confirm deletion|This action cannot be undone;de:Sind Sie sicher?|Löschen bestätigen;fr:Êtes-vous sûr ?|Confirmer la suppression;es:¿Estás seguro?|Confirmar eliminación;zh:确定要删除吗？|此操作无法撤销;ja:本当に削除しますか？|この操作は取り消せません"), ambiguous=(("confirm", "HIGH"), ("yes", "HIGH"), ("ok", "HIGH"), ("continue", "HIGH"))),
    PageKind("admin_edit", ("/admin/{id}/edit", "/admin/catalog/product/edit/id/{id}", "/admin/sales/order/view/{id}", "/index.php?module=Cases&action=EditView"), T("en:Edit record|Edit product|Order view;de:Datensatz bearbeiten;fr:Modifier la fiche;es:Editar registro;zh:编辑记录;ja:レコードを編集"), ambiguous=(("save", "HIGH"), ("submit", "HIGH"), ("confirm", "HIGH"))),
    PageKind("login", ("/login", "/signin", "/ap/signin", "/users/sign_in"), T("en:Sign in|Log in to your account;de:Anmelden;fr:Connexion;es:Iniciar sesión;zh:登录;ja:ログイン"), ambiguous=(("continue", "SAFE"), ("submit", "SAFE"), ("confirm", "SAFE"))),
    PageKind("signup", ("/signup", "/register", "/join", "/account/create"), T("en:Create your account|Sign up;de:Konto erstellen|Registrieren;fr:Créer un compte;es:Crear cuenta;zh:注册账户;ja:会員登録"), ambiguous=(("submit", "HIGH"), ("confirm", "HIGH"), ("continue", "SAFE"))),
    PageKind("contact", ("/contact", "/support/new", "/feedback", "/kontakt"), T("en:Contact us|Send us a message|Feedback;de:Kontakt|Schreiben Sie uns;fr:Nous contacter;es:Contáctanos;zh:联系我们|意见反馈;ja:お問い合わせ"), ambiguous=(("submit", "HIGH"), ("confirm", "HIGH"))),
    # dialogs and panels whose generic buttons (Yes, OK, Confirm, Continue, Allow, Save) take their meaning from the page
    PageKind("cookie_banner", ("/", "/en/", "/home", "/privacy-settings"), T("en:We value your privacy|Cookie settings|This site uses cookies;de:Wir respektieren Ihre Privatsphäre|Cookie-Einstellungen;fr:Nous respectons votre vie privée|Paramètres des cookies;es:Valoramos tu privacidad|Configuración de cookies;zh:我们重视您的隐私|Cookie 设置;ja:Cookieの設定|プライバシーを尊重します"), ambiguous=(("allow", "LOW"), ("confirm", "LOW"), ("save", "LOW"), ("ok", "LOW"))),
    PageKind("filter_panel", ("/search", "/s", "/list", "/browse", "/hotels/search"), T("en:Filters|Refine results|All filters;de:Filter|Ergebnisse eingrenzen;fr:Filtres|Affiner les résultats;es:Filtros|Refinar resultados;zh:筛选|全部筛选;ja:絞り込み|条件を指定"), ambiguous=(("ok", "SAFE"), ("save", "SAFE"), ("confirm", "SAFE"), ("submit", "SAFE"))),
    PageKind("survey", ("/survey/{id}", "/feedback/survey", "/poll/{id}"), T("en:Quick survey: how did we do?|Tell us what you think|Customer satisfaction survey;de:Kurze Umfrage|Ihre Meinung zählt;fr:Votre avis compte|Enquête de satisfaction;es:Encuesta de satisfacción|Danos tu opinión;zh:满意度调查|问卷;ja:アンケートにご協力ください"), ambiguous=(("submit", "HIGH"), ("continue", "SAFE"))),
    PageKind("unsubscribe", ("/unsubscribe", "/email/preferences", "/newsletter/optout"), T("en:Unsubscribe from marketing emails|Email preferences|Manage subscriptions;de:Newsletter abbestellen|E-Mail-Einstellungen;fr:Se désabonner des e-mails|Préférences e-mail;es:Darse de baja de los correos|Preferencias de correo;zh:退订营销邮件;ja:メール配信停止"), ambiguous=(("confirm", "LOW"), ("yes", "LOW"), ("submit", "LOW"), ("save", "LOW"))),
    PageKind("logout_dialog", ("/account", "/settings", "/"), T("en:Sign out of all devices?|Are you sure you want to log out?;de:Möchten Sie sich wirklich abmelden?;fr:Voulez-vous vraiment vous déconnecter ?;es:¿Seguro que quieres cerrar sesión?;zh:确定要退出登录吗？;ja:ログアウトしますか？"), ambiguous=(("yes", "SAFE"), ("confirm", "SAFE"), ("ok", "SAFE"))),
    PageKind("discard_dialog", ("/compose", "/post/new", "/edit/{id}"), T("en:Discard draft?|Leave page? Changes you made may not be saved;de:Entwurf verwerfen?|Seite verlassen?;fr:Supprimer le brouillon ?|Quitter la page ?;es:¿Descartar borrador?|¿Salir de la página?;zh:放弃草稿？|离开此页？;ja:下書きを破棄しますか？|ページを離れますか？"), ambiguous=(("yes", "LOW"), ("confirm", "LOW"), ("continue", "LOW"), ("ok", "LOW"))),
    PageKind("cart_remove_dialog", ("/cart", "/basket", "/bag"), T("en:Remove this item from your cart?|Remove item?;de:Artikel aus dem Warenkorb entfernen?;fr:Retirer cet article du panier ?;es:¿Quitar este artículo del carrito?;zh:确定从购物车移除该商品吗？;ja:カートから削除しますか？"), ambiguous=(("yes", "LOW"), ("confirm", "LOW"), ("ok", "LOW"))),
    PageKind("payment_dialog", ("/checkout", "/pay", "/subscribe/confirm", "/billing/upgrade"), T("en:Confirm your purchase|Pay $9.99/month?|Upgrade your plan;de:Kauf bestätigen|Zahlung bestätigen;fr:Confirmer votre achat|Confirmer le paiement;es:Confirma tu compra|Confirmar pago;zh:确认支付|确认购买;ja:購入の確認|お支払いの確認"), ambiguous=(("yes", "HIGH"), ("confirm", "HIGH"), ("ok", "HIGH"), ("allow", "HIGH"), ("continue", "HIGH"))),
    PageKind("terms_dialog", ("/signup/terms", "/contract/sign", "/loan/agreement", "/terms/accept"), T("en:Review and accept the agreement|Loan agreement|Terms of service: please accept to continue;de:Vertrag annehmen|Kreditvertrag;fr:Accepter le contrat|Contrat de prêt;es:Aceptar el contrato|Contrato de préstamo;zh:签署协议|贷款合同;ja:契約内容に同意|ローン契約"), ambiguous=(("allow", "HIGH"), ("confirm", "HIGH"), ("yes", "HIGH"), ("submit", "HIGH"))),
    PageKind("permission_dialog", ("/", "/map", "/stores", "/home"), T("en:Allow notifications?|Use your location?|Show notifications from this site;de:Benachrichtigungen erlauben?|Standort verwenden?;fr:Autoriser les notifications ?|Utiliser votre position ?;es:¿Permitir notificaciones?|¿Usar tu ubicación?;zh:允许通知？|使用您的位置？;ja:通知を許可しますか？|現在地を使用しますか？"), ambiguous=(("allow", "LOW"), ("ok", "LOW"), ("yes", "LOW"))),
    PageKind("pricing", ("/pricing", "/premium", "/plans", "/subscribe", "/upgrade", "/membership"), T("en:Choose your plan|Pricing|Premium plans|Upgrade your account;de:Wähle deinen Tarif|Preise;fr:Choisissez votre offre|Tarifs;es:Elige tu plan|Precios;zh:选择套餐|会员价格;ja:プランを選択|料金プラン"), ambiguous=(("subscribe", "HIGH"), ("continue", "SAFE"), ("confirm", "HIGH"))),
    PageKind("channel", ("/c/{id}", "/channel/{id}", "/@creator", "/newsletter", "/blog", "/u/{id}"), T("en:Channel|Videos|Newsletter|Posts by;de:Kanal|Newsletter;fr:Chaîne|Lettre d'information;es:Canal|Boletín;zh:频道|主页;ja:チャンネル|メルマガ"), ambiguous=(("subscribe", "LOW"),)),
    PageKind("search_form", ("/", "/flights", "/hotels", "/trains", "/search"), T("en:Find your trip|Search|Where to?;de:Reise suchen|Wohin?;fr:Où allez-vous ?;es:¿A dónde vas?;zh:搜索行程;ja:どこへ行きますか？"), ambiguous=(("submit", "SAFE"), ("continue", "SAFE"), ("confirm", "SAFE"))),
)}

# Generic buttons whose meaning the page decides (WebGuard's hardest cases).
AMBIGUOUS: dict[str, dict[str, list[str]]] = {
    "confirm": T("en:Confirm|OK|Confirm and continue|Yes, confirm;de:Bestätigen|OK;fr:Confirmer|Valider;es:Confirmar|Aceptar;zh:确认|确定;ja:確認|確定|OK"),
    "continue": T("en:Continue|Next|Next step|Proceed;de:Weiter|Fortfahren;fr:Continuer|Étape suivante;es:Continuar|Siguiente;zh:继续|下一步;ja:続ける|次へ進む"),
    "submit": T("en:Submit|Send|Done|Finish;de:Absenden|Senden|Fertig;fr:Soumettre|Envoyer|Terminer;es:Enviar|Finalizar;zh:提交|完成;ja:送信|完了|登録"),
    "save": T("en:Save|Save changes|Update|Apply;de:Speichern|Änderungen speichern;fr:Enregistrer|Enregistrer les modifications;es:Guardar|Guardar cambios;zh:保存|保存更改;ja:保存|変更を保存|更新"),
    "ok": T("en:OK|Got it|Done|Apply|Close;de:OK|Verstanden|Fertig|Übernehmen;fr:OK|Compris|Terminé|Appliquer;es:OK|Entendido|Listo|Aplicar;zh:好的|知道了|完成|应用;ja:OK|了解|完了|適用"),
    "allow": T("en:Allow|Accept|Agree|I agree|Yes, I'm in;de:Zulassen|Akzeptieren|Zustimmen;fr:Autoriser|Accepter|J'accepte;es:Permitir|Aceptar|Acepto;zh:允许|同意|接受;ja:許可|同意する|承認"),
    "subscribe": T("en:Subscribe|Join|Get started|Sign me up|Start;de:Abonnieren|Loslegen|Beitreten;fr:S'abonner|Commencer|Rejoindre;es:Suscribirse|Empezar|Unirse;zh:订阅|开始|加入;ja:登録|はじめる|参加する"),
    "yes": T("en:Yes|Yes, delete|I understand, delete;de:Ja|Ja, löschen;fr:Oui|Oui, supprimer;es:Sí|Sí, eliminar;zh:是|确定删除;ja:はい|はい、削除します"),
}
