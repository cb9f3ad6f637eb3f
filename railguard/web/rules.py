"""Explicit rule signals: a multilingual lexicon of what elements *do* (docs/web-labelling-guideline.md).

Each rule names an effect and the level the guideline gives it. Rules never decide alone: their hits are
features of the trained model (and the evidence in the rationale). Phrases are stems so that the generator's
full phrasings are not simply memorised: `delet*` matches delete, deleting, deletion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from railguard.web.element import Element, PageView


@dataclass(frozen=True)
class Rule:
    """A phrase table compiled for speed: whole phrases (word n-grams), word stems (`delet*`) and substrings
    (CJK and anything with punctuation). Plain set and prefix look-ups, not one big regex: ~50x faster."""

    name: str
    level: str  # SAFE | LOW | HIGH
    effect: str  # what the action would change, for rationales
    phrases: frozenset[str]
    stems: tuple[str, ...]
    subs: tuple[str, ...]


_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*")
_CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _rule(name: str, level: str, effect: str, spec: str) -> Rule:
    phrases, stems, subs = set(), [], []
    for raw in spec.split("|"):
        p = " ".join(raw.lower().split())
        if not p:
            continue
        if _CJK_CHARS.search(p) or (p.rstrip("*") and " ".join(_TOKEN.findall(p.rstrip("*"))) != p.rstrip("*")):
            subs.append(p.rstrip("*"))
        elif p.endswith("*") and " " not in p:
            stems.append(p[:-1])
        elif p.endswith("*"):
            subs.append(p[:-1])  # a multi-word stem: a substring test is close enough
        else:
            phrases.add(p)
    return Rule(name, level, effect, frozenset(phrases), tuple(stems), tuple(subs))


# --- what the target element does -----------------------------------------------------------------------------
TARGET_RULES: tuple[Rule, ...] = (
    _rule("purchase", "HIGH", "place a paid order or make a purchase",
          "buy* | purchas* | place order | place your order | place my order | submit order | complete order | confirm order"
          " | confirm purchase | complete purchase | checkout now | pay* | order now | one-click | 1-click | bid | place bid | bidding | bet | place bet | wager"
          " | kaufen | jetzt kaufen | kauf* | bestell* | zahlungspflichtig | bezahl* | zahlen | acheter | achat* | commander"
          " | valider la commande | valider ma commande | payer | paiement | comprar | compra* | pagar | pago | realizar pedido"
          " | confirmar pedido | tramitar pedido | 购买 | 立即购买 | 提交订单 | 下单 | 支付 | 付款 | 结算并支付 | 确认订单 | 立即支付"
          " | 購入 | 注文を確定 | 注文する | 注文確定 | 支払 | お支払い | 決済 | 今すぐ買う"),
    _rule("money_transfer", "HIGH", "move money to another account or person",
          "transfer* | send money | send payment | wire | withdraw* | deposit* | request money | top up | top-up | add funds"
          " | donat* | tip | cash out | trade | swap | sell* | stake | convert | überweis* | senden geld | geld senden | abheben"
          " | spend* | spenden | virement | virer | retirer | envoyer de l'argent | faire un don | transferir | transferencia"
          " | enviar dinero | retirar | donar | 转账 | 汇款 | 提现 | 充值 | 捐款 | 兑换 | 卖出 | 买入 | 振込 | 振り込 | 送金 | 出金 | 入金"
          " | 寄付 | チャージ | 売却"),
    _rule("booking", "HIGH", "book or reserve (a commitment that usually costs money)",
          "book | book now | book it | booking | book this | reserv* | confirm booking | confirm reservation | rent | rent now | hire | buchen | jetzt buchen | buchung* | reservier* | miete*"
          " | réserv* | louer | reservar | reserva* | alquilar | 预订 | 预定 | 订票 | 立即预订 | 租 | 予約 | 予約する | 申し込む | 借りる"),
    _rule("destroy", "HIGH", "delete or destroy data irreversibly",
          "delet* | remove permanently | permanently | erase | destroy | terminat* | drop | wipe | purge | empty trash"
          " | close account | close my account | deactivat* | discard | revoke* | lösch* | endgültig | entfernen endgültig"
          " | konto schließen | supprim* | effacer | détruire | fermer le compte | eliminar | borrar | cerrar cuenta | destruir"
          " | 删除 | 永久删除 | 注销 | 清空 | 销毁 | 削除 | 完全に削除 | 退会 | 消去"),
    _rule("publish", "HIGH", "publish or post content that other people will see",
          "post | post it | post now | post reply | post comment | publish* | share* | tweet | retweet | repost | comment | submit review | submit comment | submit answer"
          " | go live | make public | upload | reply | answer | veröffentlich* | posten | teilen | kommentar* | antworten"
          " | publier | partager | commenter | répondre | publicar | compartir | comentar | responder | 发布 | 发表 | 分享 | 评论"
          " | 回复 | 转发 | 上传 | 投稿 | 公開 | 共有 | コメント | 返信 | シェア | create link | create a link | get link | get shareable link | share link"),
    _rule("message", "HIGH", "send a message, e-mail or invitation to other people",
          "send* | invite* | message | email | notify | forward | senden | absenden | einladen | nachricht | envoyer | inviter"
          " | message | enviar | invitar | mensaje | 发送 | 邀请 | 发消息 | 送信 | 招待 | 送る | メッセージ"),
    _rule("commit_legal", "HIGH", "make a commitment with legal effect (application, contract, account, claim)",
          "apply | apply now | submit application | application | sign | sign up | register | create account | create an account"
          " | enrol* | enroll* | i agree | agree and continue | accept terms | accept offer | accept and sign | file | claim"
          " | submit claim | vote | request refund | refund | return item | start return | submit return | request return"
          " | open account | open an account | join now | subscribe now | start subscription | start free trial | upgrade*"
          " | go premium | bewerb* | unterschreib* | unterzeichn* | registrier* | konto erstellen | konto eröffnen | rücksend*"
          " | zurücksenden | erstatt* | abonnieren jetzt | kostenpflichtig | postuler | candidat* | signer | s'inscrire | inscri*"
          " | créer un compte | demande de retour | retourner l'article | rembours* | souscrire | s'abonner maintenant | postular* | solicit* | firmar | registr*"
          " | crear cuenta | devol* | reembols* | suscribirse ahora | 申请 | 提交申请 | 签署 | 签约 | 注册 | 创建账户 | 退货 | 退款"
          " | 开通 | 订阅会员 | 升级 | 投票 | 応募 | 申請 | 署名 | 契約 | 登録する | アカウント作成 | 新規登録 | 返品 | 返金 | 投票 | アップグレード | get premium | try it free | try free | free trial | choose this plan | choose plan | select plan | buy plan | get plus | go pro | join premium | subscribe for"),
    _rule("security", "HIGH", "change security, access or account settings",
          "password | passcode | two-factor | 2fa | two step | authenticator | api key | access token | token | ssh key"
          " | permission* | role | visibility | make private | collaborator | member access | transfer ownership | payee"
          " | payout | billing | payment method | recovery | security question | passwort | zwei-faktor | berechtigung*"
          " | sicherheit | mot de passe | double authentification | autorisation* | sécurité | contraseña | autenticación"
          " | permisos | seguridad | 密码 | 两步验证 | 双重验证 | 权限 | 安全设置 | 密钥 | パスワード | 二段階認証 | 権限 | セキュリティ | unlock | disarm | turn off camera | share access | guest code"),
    _rule("cancel_commitment", "HIGH", "cancel an order, booking or paid subscription",
          "cancel order | cancel booking | cancel reservation | cancel subscription | cancel my | cancel plan | unsubscribe plan"
          " | end subscription | storn* | kündig* | annuler la commande | annuler la réservation | résilier | cancelar pedido"
          " | cancelar reserva | cancelar suscripción | 取消订单 | 取消预订 | 退订会员 | 注文をキャンセル | 予約をキャンセル | 解約"),
    _rule("approve_assign", "HIGH", "approve, merge or assign work that affects other people",
          "approve* | merge* | assign* | close issue | reopen | push | deploy | release | accept request | reject request"
          " | decline | genehmig* | zusammenführen | approuver | fusionner | aprobar | fusionar | 批准 | 合并 | 分配 | 部署"
          " | 承認 | マージ | 割り当て | デプロイ"),
    _rule("cart", "LOW", "change the user's own cart",
          "add to cart | add to bag | add to basket | add to trolley | add item | remove from cart | remove from bag"
          " | update quantity | quantity | qty | in den warenkorb | warenkorb | ajouter au panier | panier | añadir al carrito"
          " | agregar al carrito | añadir a la cesta | carrito | 加入购物车 | 购物车 | カートに入れる | カートに追加 | カート"),
    _rule("save_list", "LOW", "save something to the user's own lists",
          "save | saved | save for later | wishlist | wish list | favorite* | favourite* | bookmark* | watchlist | watch later"
          " | add to list | add to playlist | add to collection | pin | heart | merken | merkliste | wunschliste | speichern"
          " | favorit* | enregistrer | sauvegarder | favori* | liste d'envies | guardar | favorito* | lista de deseos | 收藏"
          " | 保存 | 心愿单 | 稍后再看 | お気に入り | ほしい物リスト | あとで見る | ブックマーク"),
    _rule("social_signal", "LOW", "leave a light, reversible social signal (like, star, follow)",
          "like | unlike | upvote | downvote | vote up | star | unstar | follow | unfollow | subscribe | react | clap"
          " | helpful | gefällt mir | folgen | abonnieren | j'aime | suivre | s'abonner | me gusta | seguir | suscribir*"
          " | 点赞 | 赞 | 关注 | 取消关注 | 订阅 | 有用 | いいね | フォロー | チャンネル登録 | 役に立った"),
    _rule("preference", "LOW", "change the user's own preferences",
          "theme | dark mode | light mode | notification* | preferences | settings saved | language | currency | unsubscribe"
          " | opt out | opt-out | accept cookies | accept all | reject all | allow cookies | cookie* | mark as read | mark as unread"
          " | mark all as read | archive | snooze | mute | hide | dismiss forever | set as default | set as home | make default"
          " | apply coupon | apply promo | redeem | select seat | choose seat | save draft | draft | newsletter"
          " | dunkler modus | benachrichtigung* | einstellungen | sprache | abmelden | alle akzeptieren | akzeptieren"
          " | archivieren | mode sombre | préférences | langue | se désabonner | tout accepter | accepter | archiver"
          " | modo oscuro | preferencias | idioma | darse de baja | aceptar todo | aceptar | archivar | 深色模式 | 通知 | 偏好"
          " | 语言 | 取消订阅 | 接受 | 全部接受 | 归档 | 标记为已读 | ダークモード | 通知 | 言語 | 配信停止 | 同意 | すべて受け入れる"
          " | アーカイブ | 既読 | consent* | onetrust | gdpr | turn on | turn off | switch on | switch off | dim | brightness | thermostat | change store | set as my store | make this my store | my store | change location | update location | deliver to | set location"),
    _rule("navigate", "SAFE", "only navigate or change what the browser shows",
          "home | back | next | previous | prev | more | see more | see all | view* | show* | details | detail | open | read more"
          " | learn more | explore | browse | go to | menu | tab | page | close | cancel | dismiss | expand | collapse | help"
          " | about | faq | contact us | directions | map | zoom | play | preview | overview | continue | proceed"
          " | proceed to checkout | go to cart | view cart | sign in | log in | login | log out | logout | sign out"
          " | download | print | copy link | write a review | compose | new | edit | startseite | zurück | weiter | mehr"
          " | anzeigen | details | öffnen | schließen | abbrechen | anmelden | hilfe | accueil | retour | suivant | plus"
          " | voir* | afficher | fermer | annuler | connexion | se connecter | aide | inicio | volver | siguiente | más"
          " | ver | mostrar | cerrar | cancelar | iniciar sesión | ayuda | 首页 | 返回 | 下一页 | 上一页 | 更多 | 查看 | 详情"
          " | 打开 | 关闭 | 取消 | 登录 | 帮助 | ホーム | 戻る | 次へ | 前へ | もっと見る | 詳細 | 見る | 開く | 閉じる"
          " | キャンセル | ログイン | ヘルプ | track package | track order | track shipment | order details | view order | order status"),
    _rule("search_filter", "SAFE", "search, sort or filter what is shown",
          "search | find | go | filter* | sort* | refine | apply filters | show results | price range | suchen | suche | filter"
          " | sortieren | rechercher | recherche | filtrer | trier | buscar | búsqueda | filtrar | ordenar | 搜索 | 查找 | 筛选"
          " | 排序 | 検索 | 絞り込み | 並び替え"),
)

# --- what the page is ---------------------------------------------------------------------------------------------
CONTEXT_RULES: tuple[Rule, ...] = (
    _rule("ctx_checkout", "HIGH", "a checkout or payment page",
          "checkout | check out | payment | order summary | order total | place order | billing | card number | cvv"
          " | kasse | zahlung | bezahlen | paiement | commande | caisse | pago | pedido | 结算 | 支付 | 订单 | 付款"
          " | レジ | お支払い | 注文内容"),
    _rule("ctx_transfer", "HIGH", "a money-transfer page",
          "transfer | send money | recipient | payee | iban | amount | beneficiary | überweisung | empfänger | betrag"
          " | virement | bénéficiaire | montant | transferencia | destinatario | importe | 转账 | 收款人 | 金额 | 振込 | 送金 | 金額"),
    _rule("ctx_compose", "HIGH", "a page that composes a message or a post",
          "compose | new message | to: | subject | write a post | what's on your mind | reply | comment | new issue"
          " | new pull request | verfassen | nachricht | betreff | nouveau message | objet | rédiger | redactar | asunto"
          " | 写邮件 | 收件人 | 主题 | 发帖 | 新規メッセージ | 宛先 | 件名 | 投稿する"),
    _rule("ctx_security", "HIGH", "an account, security or danger-zone settings page",
          "security | password | two-factor | danger zone | delete account | access tokens | ssh keys | permissions"
          " | sicherheit | passwort | sécurité | mot de passe | seguridad | contraseña | 安全 | 密码 | セキュリティ | パスワード"),
    _rule("ctx_application", "HIGH", "an application, registration or claim form",
          "application | apply | applicant | résumé | resume | cover letter | claim | registration | sign up | create account"
          " | bewerbung | antrag | candidature | demande | solicitud | registro | 申请 | 注册 | 応募 | 申請 | 登録"),
    _rule("ctx_destroy", "HIGH", "a dialog that confirms a deletion or another irreversible step",
          "cannot be undone | can't be undone | permanently delete | permanently removed | confirm deletion | delete this"
          " | irreversible | danger zone | kann nicht rückgängig | endgültig löschen | irréversible | définitivement"
          " | no se puede deshacer | permanentemente | 无法撤销 | 永久删除 | 确定要删除 | 取り消せません | 完全に削除 | 本当に削除"),
    _rule("ctx_consent", "LOW", "a cookie or consent banner",
          "cookies | cookie settings | we value your privacy | consent | your privacy choices | datenschutzeinstellungen"
          " | vie privée | privacidad | cookie 设置 | cookieの設定"),
    _rule("ctx_cart", "LOW", "the user's own cart or bag",
          "cart | basket | bag | shopping cart | your cart | warenkorb | panier | carrito | cesta | 购物车 | カート | 買い物かご"),
    _rule("ctx_search", "SAFE", "a search or listing page",
          "search results | results for | sort by | filter | showing | suchergebnisse | résultats | resultados | 搜索结果"
          " | 検索結果 | 件"),
    _rule("ctx_login", "SAFE", "a login page", "sign in | log in | login | forgot password | anmelden | connexion | iniciar sesión | 登录 | ログイン | signin | sign_in | log_in | logon | ap signin | users sign in"),
)

SEARCH_FIELD = re.compile(r"search|query|keyword|find|look ?up|^q$|suche|recherch|busca|搜索|検索|where|destination|from|to|check.?in|check.?out|date|location|zip|city", re.I)
SENSITIVE_FIELD = re.compile(r"card|cvv|cvc|iban|account number|routing|amount|betrag|montant|importe|金额|金額|ssn|social security|passport|tax", re.I)
MESSAGE_FIELD = re.compile(r"message|comment|reply|post|review|body|tweet|status|what's on your mind|nachricht|kommentar|commentaire|mensaje|comentario|评论|留言|回复|コメント|メッセージ|本文", re.I)
PASSWORD_FIELD = re.compile(r"password|passwort|mot de passe|contraseña|密码|パスワード", re.I)


@dataclass
class Hit:
    rule: Rule
    evidence: str
    source: str


def match_rules(rules: tuple[Rule, ...], text: str, source: str) -> list[Hit]:
    low = text.lower()
    toks = _TOKEN.findall(low)
    grams = set(toks)
    for n in (2, 3, 4):
        grams.update(" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1))
    hits = []
    for r in rules:
        found = next(iter(r.phrases & grams), None) if r.phrases else None
        if found is None and r.stems:
            found = next((t for t in toks if t.startswith(r.stems)), None)
        if found is None and r.subs:
            found = next((x for x in r.subs if x in low), None)
        if found is not None:
            i = low.find(found)
            hits.append(Hit(r, text[max(0, i - 20) : i + len(found) + 20].strip() if i >= 0 else found, source))
    return hits


def target_hits(el: Element) -> list[Hit]:
    """Rules on the element's own words; the visible name counts more than attributes (kept apart as sources)."""
    hits = match_rules(TARGET_RULES, el.name, "target")
    seen = {h.rule.name for h in hits}
    for h in match_rules(TARGET_RULES, el.attr_words, "target"):
        if h.rule.name not in seen:
            h.source = "target"
            h.evidence = f"attribute: {h.evidence}"
            hits.append(h)
    return hits


def context_hits(pv: PageView) -> list[Hit]:
    hits = match_rules(CONTEXT_RULES, f"{pv.path_words} {pv.query_words}", "url")
    seen = {h.rule.name for h in hits}
    hits += [h for h in match_rules(CONTEXT_RULES, pv.text[:800], "page") if h.rule.name not in seen]
    return hits


def field_kind(el: Element) -> str:
    """What a text field is for: search | password | sensitive | message | form."""
    words = f"{el.name} {el.attr_words} {el.role} {el.input_type}"
    if el.role == "searchbox" or el.input_type == "search" or SEARCH_FIELD.search(words):
        return "search"
    if el.input_type == "password" or PASSWORD_FIELD.search(words):
        return "password"
    if SENSITIVE_FIELD.search(words):
        return "sensitive"
    if el.tag == "textarea" or MESSAGE_FIELD.search(words):
        return "message"
    return "form"
